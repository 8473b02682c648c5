// A field of Markdown text as a section of its own (the problem summary, the resolution).
import { Markdown } from "../markdown";
import { DetailSection } from "./detail-section";

interface Props {
  id: string;
  title: string;
  text: string;
  /** Said when the text is empty; without it, an empty field leaves the section out. */
  empty?: string;
}

export function ProseSection({ id, title, text, empty }: Props) {
  if (!text && empty === undefined) return null;
  return (
    <DetailSection id={id} headingId={`h-${id}`} title={title}>
      {text ? <Markdown text={text} /> : <p className="muted">{empty}</p>}
    </DetailSection>
  );
}
