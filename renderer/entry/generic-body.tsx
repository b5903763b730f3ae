/**
 * Activities, work items, member changes, organisation and profile entries: every field the
 * recorder typed, in the order it was sealed, each with its corrections beside it.
 */
import { Descriptions } from 'antd';
import { FieldValue, useEntryView } from './entry-context';
import { displayFields } from './fields';
import { AttachmentsList } from './attachments-list';

const PROSE_KEYS = new Set([
  'content', 'outcome', 'otherParticipants', 'matter', 'reply', 'work', 'problems', 'plan', 'assessment',
  'deliberation', 'note', 'minutes', 'discussion', 'dissent', 'reason',
]);

export function GenericBody() {
  const { original } = useEntryView();
  const leaves = displayFields(original);
  if (leaves.length === 0) return null;
  return (
    <div data-testid="generic-body">
      <Descriptions
        size="small"
        bordered
        column={1}
        styles={{ label: { width: 200 } }}
        items={leaves.map((leaf) => {
          const key = leaf.path[leaf.path.length - 1];
          const multiline = typeof key === 'string' && PROSE_KEYS.has(key);
          return { key: leaf.pointer, label: leaf.label, children: <FieldValue path={leaf.path} multiline={multiline} /> };
        })}
      />
      <AttachmentsList />
    </div>
  );
}
