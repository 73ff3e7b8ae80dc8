// The people who represent the demo organisations that the role accounts (db/seed.ts) do not.
// The secretariat is neutral: staff accounts represent no organisation (migration 0029), so each
// of these organisations has a representative of its own, who signs in with the demo password.

export interface DemoDelegate {
  email: string;
  displayName: string;
}

/** Keyed by the organisation's name, as db/seed.ts and db/demo-positions.ts name it. */
export const demoDelegates: Record<string, DemoDelegate> = {
  "Ministry of Foreign Affairs of Japan": { email: "delegate.jp@demo.normsforum.example", displayName: "Haruka Sato" },
  "Ministry of Foreign Affairs of Poland": { email: "delegate.pl@demo.normsforum.example", displayName: "Tomasz Nowak" },
  "Ministry of Foreign Affairs of Brazil": { email: "delegate.br@demo.normsforum.example", displayName: "Luiza Almeida" },
  "Federal Foreign Office of Germany": { email: "delegate.de@demo.normsforum.example", displayName: "Jonas Becker" },
  "Regional Cyber Cooperation Organisation": { email: "delegate.rcco@demo.normsforum.example", displayName: "Amara Diallo" },
  "Institute for Cyber Policy Studies": { email: "delegate.icps@demo.normsforum.example", displayName: "Kadri Tamm" },
  "African Network Operators Group": { email: "delegate.anog@demo.normsforum.example", displayName: "Kwame Mensah" },
  "Internet Standards Council": { email: "delegate.isc@demo.normsforum.example", displayName: "Elena Ruiz" },
  "Asia-Pacific Digital Trust Network": { email: "delegate.apdtn@demo.normsforum.example", displayName: "Priya Raman" },
  "Andean Payments Association": { email: "delegate.apa@demo.normsforum.example", displayName: "Camilo Restrepo" },
  "Centre for Technology and International Law": { email: "delegate.ctil@demo.normsforum.example", displayName: "Chiamaka Okafor" },
  "Coalition for Secure Networks": { email: "delegate.csn@demo.normsforum.example", displayName: "Noah Tremblay" },
  "Cyber Peace Observatory": { email: "delegate.cpo@demo.normsforum.example", displayName: "Mei Lin Tan" },
};

/**
 * Second representatives, for an organisation that requires countersignature (db/demo-countersign.ts):
 * whoever entered an entry cannot countersign it, so such an organisation needs two.
 */
export const demoSecondDelegates: Record<string, DemoDelegate> = {
  "Ministry of Foreign Affairs of Poland": { email: "delegate2.pl@demo.normsforum.example", displayName: "Zofia Kowalska" },
};
