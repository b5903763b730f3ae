/** Props shared by the three entry editors (meeting, activity, work item). */
export interface EditorProps {
  bookId: string;
  /** Id of the IndexedDB draft this editor reads and autosaves. */
  draftId: string;
  /** Called once the service sealed the entry (and the draft was deleted). */
  onSealed: (seq: number) => void;
  onCancel: () => void;
}
