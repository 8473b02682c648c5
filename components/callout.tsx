// <Callout type="info|tip|warning|danger" title="…"> in playbooks. The type is also spelled out in
// text (visually as the icon's label), so it does not rely on colour.
import type { ReactNode } from "react";
import { CALLOUT_TYPES, type CalloutType } from "@/lib/playbooks/format";
import { BulbIcon, InfoIcon, AlertIcon, OctagonIcon } from "./icons";

const LOOK: Record<CalloutType, { Icon: typeof InfoIcon; word: string }> = {
  info: { Icon: InfoIcon, word: "Note" },
  tip: { Icon: BulbIcon, word: "Tip" },
  warning: { Icon: AlertIcon, word: "Warning" },
  danger: { Icon: OctagonIcon, word: "Danger" },
};

function isCalloutType(value: unknown): value is CalloutType {
  return typeof value === "string" && (CALLOUT_TYPES as readonly string[]).includes(value);
}

export function Callout({ type, title, children }: { type?: string; title?: string; children?: ReactNode }) {
  const kind = isCalloutType(type) ? type : "info";
  const { Icon, word } = LOOK[kind];
  return (
    <aside className={`callout callout-${kind}`} aria-label={title ? `${word}: ${title}` : word}>
      <Icon className="callout-icon" />
      <div className="callout-body">
        <p className="callout-title">{title ?? word}</p>
        {children}
      </div>
    </aside>
  );
}
