"use client";
// Shares the page's /ui connection with every run component below it.
import { createContext, useContext, useSyncExternalStore, type ReactNode } from "react";
import { currentUiConnection, subscribeUiConnection, type UiConnection } from "./ui-socket";

const UiSocketContext = createContext<UiConnection | null>(null);

export function UiSocketProvider({ children }: { children: ReactNode }) {
  // Null on the server and during hydration; the connection opens once the page is interactive.
  const connection = useSyncExternalStore(subscribeUiConnection, currentUiConnection, () => null);
  return <UiSocketContext value={connection}>{children}</UiSocketContext>;
}

export function useUiConnection(): UiConnection | null {
  return useContext(UiSocketContext);
}
