import styles from "../incidents.module.css";

/** The button that removes one item of a list; `name` is the item as numbered on screen. */
export function RemoveButton({ onClick, name }: { onClick: () => void; name: string }) {
  return (
    <button type="button" className={styles.remove} onClick={onClick} aria-label={`Remove ${name.toLowerCase()}`}>
      Remove
    </button>
  );
}
