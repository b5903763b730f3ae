/** The entry editors: each edits one IndexedDB draft and seals it through the service. */
export { MeetingEditor } from './meeting-editor';
export { ActivityEditor } from './activity-editor';
export { WorkItemEditor } from './work-item-editor';
export type { EditorProps } from './types';
