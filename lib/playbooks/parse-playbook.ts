// One MDX file to one Playbook, or to the list of everything wrong with its format. Pure and
// synchronous; checkPlaybook() runs it first, then checks the steps' risks against the classifier.
import path from "node:path";
import GithubSlugger from "github-slugger";
import type { Root } from "mdast";
import { sortContentErrors, type Problem } from "./content-error";
import { checkMdxSubset } from "./check-mdx-subset";
import { contentHash } from "./content-hash";
import { SLUG_PATTERN } from "./format";
import { parseFrontmatter, type SymptomLink } from "./frontmatter";
import { isJsxElement, parseMdx, startOf, type MdxNode } from "./mdx-tree";
import { plainText } from "./plain-text";
import { readStep, type StepDraft } from "./read-step";
import { inputCollisions } from "./step-captures";
import type { ContentError, Playbook, PlaybookInput, Section, Step } from "./types";

export interface ParseResult {
  /** Present only when the file has no errors: a playbook with a problem is not served half-right. */
  playbook?: Playbook;
  errors: ContentError[];
  /** The steps that parsed, even when the file has errors, so the risk check can report on them too. */
  steps?: Step[];
}

/**
 * Parses one playbook. `file` is the path shown in errors and stored on the playbook (relative to the
 * project root, e.g. `content/foo.mdx`); its name without `.mdx` is the slug.
 */
export function parsePlaybook(file: string, source: string | Uint8Array, opts: { mtime?: Date } = {}): ParseResult {
  const bytes = typeof source === "string" ? Buffer.from(source, "utf8") : source;
  const text = typeof source === "string" ? source : Buffer.from(source).toString("utf8");
  const problems: Problem[] = [];
  const read: { steps?: Step[] } = {};
  const done = (playbook?: Playbook): ParseResult => {
    const errors = sortContentErrors(problems.map((problem) => ({ file, ...problem })));
    if (errors.length === 0 && playbook) return { playbook, errors };
    return read.steps ? { errors, steps: read.steps } : { errors };
  };

  const slug = path.basename(file).replace(/\.mdx$/, "");
  if (!SLUG_PATTERN.test(slug)) {
    problems.push({
      line: 1,
      column: 1,
      message: `file name "${slug}" must be a lowercase slug like "podman-rootless" (it is the page URL)`,
    });
  }

  const parsed = parseMdx(text);
  if ("problem" in parsed) {
    problems.push(parsed.problem);
    return done();
  }
  const tree = parsed.tree;

  const yamlNode = tree.children[0]?.type === "yaml" ? tree.children[0] : undefined;
  const frontmatter = yamlNode
    ? parseFrontmatter(yamlNode.value, startOf(yamlNode).line + 1)
    : {
        errors: [
          {
            line: 1,
            column: 1,
            message: "missing frontmatter: start the file with ---, then title: and summary:, then ---",
          },
        ],
      };
  problems.push(...frontmatter.errors);
  checkMdxSubset(tree, problems);
  const outline = readOutline(tree, problems);
  read.steps = outline.steps;
  checkStepLinks(outline, problems);
  checkSymptomLinks(frontmatter.symptomLinks ?? [], outline, problems);
  checkCaptureNames(frontmatter.data?.inputs ?? [], outline, problems);

  if (!frontmatter.data) return done();
  // The body starts on the line after the closing `---`.
  const bodyOffset = yamlNode?.position ? lineEndAfter(text, yamlNode.position.end.offset ?? 0) : 0;
  return done({
    slug,
    file,
    ...frontmatter.data,
    steps: outline.steps,
    sections: outline.sections,
    intro: outline.intro,
    body: text.slice(bodyOffset),
    bodyLine: yamlNode?.position ? yamlNode.position.end.line + 1 : 1,
    contentHash: contentHash(bytes),
    updatedAt: opts.mtime ?? new Date(0),
  });
}

interface Outline {
  steps: Step[];
  drafts: StepDraft[];
  /** Every step id written in the file, including those of steps with errors, with its line. */
  declared: { id: string; line: number }[];
  sections: Section[];
  intro: string;
}

/** Walks the top level once: headings open sections, steps are read and placed in their section. */
function readOutline(tree: Root, problems: Problem[]): Outline {
  const slugger = new GithubSlugger();
  const outline: Outline = { steps: [], drafts: [], declared: [], sections: [], intro: "" };
  const introNodes: MdxNode[] = [];
  let section: { value: Section; nodes: MdxNode[] } | undefined;
  const closeSection = () => {
    if (section) section.value.text = plainText(section.nodes);
  };

  for (const node of tree.children) {
    if (node.type === "heading") {
      const title = plainText([node]);
      if (node.depth === 1) {
        problems.push({
          ...startOf(node),
          message: `"# ${title}": the title comes from the frontmatter; start sections at ## (level 2)`,
        });
        continue;
      }
      closeSection();
      section = {
        value: { id: slugger.slug(title), title, depth: node.depth, line: startOf(node).line, text: "" },
        nodes: [],
      };
      outline.sections.push(section.value);
    } else if (isJsxElement(node) && node.name === "Step") {
      const id = node.attributes.find((a) => a.type === "mdxJsxAttribute" && a.name === "id")?.value;
      if (typeof id === "string") outline.declared.push({ id, line: startOf(node).line });
      const draft = readStep(node, problems);
      if (!draft) continue;
      outline.drafts.push(draft);
      outline.steps.push(
        section ? { ...draft.step, section: { id: section.value.id, title: section.value.title } } : draft.step,
      );
    } else {
      (section ? section.nodes : introNodes).push(node);
    }
  }
  closeSection();
  outline.intro = plainText(introNodes);
  return outline;
}

function checkStepLinks({ declared, drafts }: Outline, problems: Problem[]): void {
  const firstLine = new Map<string, number>();
  for (const { id, line } of declared) {
    const first = firstLine.get(id);
    if (first === undefined) firstLine.set(id, line);
    else problems.push({ line, column: 1, message: `Step "${id}": id is already used by the step on line ${first}` });
  }
  for (const { step, at } of drafts) {
    for (const link of ["onPass", "onFail"] as const) {
      const target = step[link];
      if (target !== undefined && !firstLine.has(target)) {
        problems.push({
          ...(at[link] ?? { line: step.line, column: 1 }),
          message: `Step "${step.id}": ${link} names unknown step "${target}"`,
        });
      }
    }
  }
}

function checkSymptomLinks(links: readonly SymptomLink[], { declared }: Outline, problems: Problem[]): void {
  const ids = new Set(declared.map((d) => d.id));
  for (const link of links) {
    if (!ids.has(link.step)) {
      problems.push({
        line: link.line,
        column: link.column,
        message: `frontmatter: symptom ${JSON.stringify(link.text)} names unknown step "${link.step}"`,
      });
    }
  }
}

/** A step's environment has the inputs and the captures in one namespace: a name may be only one. */
function checkCaptureNames(inputs: readonly PlaybookInput[], { drafts }: Outline, problems: Problem[]): void {
  for (const { step, at } of drafts) {
    for (const name of inputCollisions(step.capture, inputs)) {
      const where = name === step.capture?.lastLine ? at.captureLastLine : at.capture;
      problems.push({
        ...(where ?? { line: step.line, column: 1 }),
        message: `Step "${step.id}": captures "${name}", which is already a declared input (pick another name)`,
      });
    }
  }
}

/** The offset just past the line break that follows `offset`. */
function lineEndAfter(text: string, offset: number): number {
  const newline = text.indexOf("\n", offset);
  return newline === -1 ? text.length : newline + 1;
}
