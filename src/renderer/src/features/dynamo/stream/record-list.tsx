import { EventBadge } from './event-badge';
import { recordKeyText, recordTime, recordTimes, type TailRecord } from './stream-records';
import classes from './stream.module.css';

interface RecordListProps {
  records: readonly TailRecord[];
  keyNames: readonly string[];
  selectedId: string | null;
  onSelect: (eventId: string) => void;
}

/** The tail's records, newest first: event, time, item key. */
export function RecordList({ records, keyNames, selectedId, onSelect }: RecordListProps) {
  return (
    <div className={classes.list} role="listbox" aria-label="Stream records" data-testid="stream-records">
      {records.map((r) => (
        <button
          key={r.eventId}
          type="button"
          role="option"
          aria-selected={r.eventId === selectedId}
          className={classes.record}
          data-selected={r.eventId === selectedId || undefined}
          data-testid="stream-record"
          data-event={r.eventName}
          onClick={() => onSelect(r.eventId)}
        >
          <span className={classes.time} title={recordTimes(r)}>
            {recordTime(r)}
          </span>
          <EventBadge event={r.eventName} />
          <span className={classes.keys} title={recordKeyText(r, keyNames)}>
            {recordKeyText(r, keyNames)}
          </span>
        </button>
      ))}
    </div>
  );
}
