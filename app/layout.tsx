import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Casebook", template: "%s · Casebook" },
  description: "Troubleshooting playbooks you can run.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
