// The components a playbook's MDX renders with. Step cards are built from the content index's
// step (defaults applied), looked up by the id the MDX names. The help pages (mdx-components.tsx at
// the root, for @next/mdx) render with the same prose components.
import type { MDXComponents } from "mdx/types";
import type { ComponentProps, ReactNode } from "react";
import type { Playbook } from "@/lib/playbooks/types";
import type { PlaybookComponents } from "@/lib/render/render-body";
import { Callout } from "./callout";
import { CodeBlock } from "./code-block";
import { StepCard } from "./step-card";

type HeadingTag = "h2" | "h3" | "h4" | "h5" | "h6";

function anchoredHeading(Tag: HeadingTag) {
  function Heading({ id, children, ...rest }: ComponentProps<HeadingTag>) {
    return (
      <Tag id={id} {...rest}>
        {children}
        {id ? (
          <a href={`#${id}`} className="heading-anchor" aria-label="Link to this section">
            #
          </a>
        ) : null}
      </Tag>
    );
  }
  Heading.displayName = Tag;
  return Heading;
}

function ScrollTable(props: ComponentProps<"table">) {
  return (
    <div className="table-scroll">
      <table {...props} />
    </div>
  );
}

/** What every rendered document shares: callouts, highlighted code, wide tables, anchored headings. */
export const proseComponents = {
  Callout,
  pre: CodeBlock,
  table: ScrollTable,
  h2: anchoredHeading("h2"),
  h3: anchoredHeading("h3"),
  h4: anchoredHeading("h4"),
  h5: anchoredHeading("h5"),
  h6: anchoredHeading("h6"),
} satisfies MDXComponents;

/** Renders extra content under a step's body (the page passes past incidents' learnings). */
export type StepExtra = (stepId: string) => ReactNode;

export function playbookComponents(
  playbook: Pick<Playbook, "slug" | "steps">,
  stepExtra?: StepExtra,
): PlaybookComponents {
  function Step({ id, children }: { id?: string; children?: ReactNode }) {
    const step = playbook.steps.find((s) => s.id === id);
    // The content index rejects steps it cannot read, so this only guards against a stale index.
    if (!step) return <div className="step-card">{children}</div>;
    return (
      <StepCard playbook={playbook} step={step} extra={stepExtra?.(step.id)}>
        {children}
      </StepCard>
    );
  }
  return { Step, ...proseComponents };
}
