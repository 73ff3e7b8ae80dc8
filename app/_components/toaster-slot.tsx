"use client";

import dynamic from "next/dynamic";
import { useEffect, useState } from "react";
import { listenForToasts } from "./ui/toast-bus";

const Toaster = dynamic(() => import("./ui/toaster").then((m) => m.Toaster), { ssr: false });

/**
 * Where toasts appear. The toaster (sonner) is loaded when something first shows a toast, after an
 * action: pages that never show one do not carry it in their first load.
 */
export function ToasterSlot() {
  const [wanted, setWanted] = useState(false);
  useEffect(() => listenForToasts(() => setWanted(true)), []);
  return wanted ? <Toaster /> : null;
}
