// Incident text is user input: rendered as Markdown (GFM), sanitised, never as MDX or raw HTML.
// react-markdown builds React elements (no innerHTML), drops raw HTML, and rehype-sanitize strips
// event handlers and unsafe URLs from whatever remains.
import ReactMarkdown from "react-markdown";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import styles from "./incidents.module.css";

export function Markdown({ text, className = `prose ${styles.incidentProse}` }: { text: string; className?: string }) {
  if (!text.trim()) return null;
  return (
    <div className={className}>
      <ReactMarkdown remarkPlugins={[remarkGfm]} rehypePlugins={[rehypeSanitize]} skipHtml>
        {text}
      </ReactMarkdown>
    </div>
  );
}
