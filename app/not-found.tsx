import Link from "next/link";
import { SearchBox } from "@/components/search-box";

export default function NotFound() {
  return (
    <div className="page page-narrow not-found">
      <p className="eyebrow">404</p>
      <h1>There is no page here</h1>
      <p className="page-lead">
        The link may be old, or the playbook may have been renamed. Search for the error you were working on instead:
      </p>
      <SearchBox variant="large" />
      <ul className="not-found-links">
        <li>
          <Link href="/">Home</Link>
        </li>
        <li>
          <Link href="/playbooks">All playbooks</Link>
        </li>
        <li>
          <Link href="/tags">Browse tags</Link>
        </li>
      </ul>
    </div>
  );
}
