"use client";
// False on the server and while hydrating, true after: what a widget that needs JavaScript renders
// its plain HTML stand-in on.
import { useSyncExternalStore } from "react";

const never = () => () => {};

export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}
