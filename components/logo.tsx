// The Casebook mark: a page with a shell prompt, a playbook you can run. Same drawing as
// public/logo.svg, inline so it follows the theme's accent colour.
export function LogoMark({ size = 24 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false" className="logo-mark">
      <rect width="32" height="32" rx="8" fill="var(--logo-bg)" />
      <path
        d="M10.5 7.5h7.25l5.75 5.75v9.75a1.5 1.5 0 0 1-1.5 1.5H10.5A1.5 1.5 0 0 1 9 23V9a1.5 1.5 0 0 1 1.5-1.5Z"
        fill="#fff"
      />
      <path d="M17.75 7.5v4.25a1.5 1.5 0 0 0 1.5 1.5h4.25" fill="#c7c9f9" />
      <path
        d="m12.25 15.5 2.5 2.25-2.5 2.25M16.5 20h3.25"
        fill="none"
        stroke="var(--logo-bg)"
        strokeWidth={1.75}
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
