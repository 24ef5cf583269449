/** The label with the filter's first match marked (as text, never HTML). */
export function HighlightMatch({
  text,
  filter,
  className,
}: {
  text: string;
  filter: string;
  className?: string;
}) {
  const needle = filter.trim().toLowerCase();
  const at = needle ? text.toLowerCase().indexOf(needle) : -1;
  if (at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <mark className={className}>{text.slice(at, at + needle.length)}</mark>
      {text.slice(at + needle.length)}
    </>
  );
}
