import type { Metadata, Viewport } from "next";
import { SearchShortcut } from "@/components/search-shortcut";
import { SiteHeader } from "@/components/site-header";
import { THEME_SCRIPT } from "@/components/theme-script";
import { getCurrentUser } from "@/lib/auth/session";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Casebook", template: "%s · Casebook" },
  description: "Troubleshooting playbooks you can run.",
  icons: { icon: "/logo.svg" },
};

export const viewport: Viewport = {
  colorScheme: "light dark",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#0e1015" },
  ],
};

// Pages call requireUser() themselves; the layout only reads the user for the header, because the
// sign-in and setup pages render inside it too.
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  return (
    // The theme script sets data-theme before hydration, so React must not complain about it.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <SiteHeader user={user} />
        <main id="main" className="site-main">
          {children}
        </main>
        <SearchShortcut />
      </body>
    </html>
  );
}
