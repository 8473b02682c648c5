"use client";
// The host list as the server rendered it, kept current by the hub's `host.status` events.
import { useEffect, useState } from "react";
import type { HostView } from "@/lib/runs/protocol";
import { useUiConnection } from "./ui-socket-provider";

export function useLiveHosts(initial: HostView[]): HostView[] {
  const socket = useUiConnection()?.socket ?? null;
  const [hosts, setHosts] = useState(initial);
  const [rendered, setRendered] = useState(initial);
  if (rendered !== initial) {
    // The server rendered a newer list (a host was added or revoked): start from it.
    setRendered(initial);
    setHosts(initial);
  }
  useEffect(() => {
    if (!socket) return;
    const onStatus = (host: HostView) => {
      setHosts((prev) => {
        const at = prev.findIndex((h) => h.id === host.id);
        return at === -1 ? [...prev, host] : prev.map((h, i) => (i === at ? host : h));
      });
    };
    socket.on("host.status", onStatus);
    return () => void socket.off("host.status", onStatus);
  }, [socket]);
  return hosts;
}
