import { describe, expect, it } from "vitest";
import { markdownToHtml, markdownToText } from "../../../../../../app/features/faq/domain/markdown";

/** Every tag name in the output: what the browser would build elements from. */
function tags(html: string): string[] {
  return [...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((match) => match[1] ?? "");
}

const ALLOWED_TAGS = new Set(["p", "br", "strong", "em", "code", "a", "ul", "ol", "li", "h3", "h4"]);

describe("markdownToHtml: blocks", () => {
  it("GIVEN two paragraphs separated by a blank line WHEN converting THEN each becomes a p", () => {
    expect(markdownToHtml("First.\n\nSecond.")).toBe("<p>First.</p>\n<p>Second.</p>");
  });

  it("GIVEN a single newline inside a paragraph WHEN converting THEN it becomes a line break", () => {
    expect(markdownToHtml("Line one\nLine two")).toBe("<p>Line one<br>\nLine two</p>");
  });

  it("GIVEN several blank lines and Windows line endings WHEN converting THEN no empty paragraph appears", () => {
    expect(markdownToHtml("\r\n\r\nA\r\n\r\n\r\n\r\nB\r\n\r\n")).toBe("<p>A</p>\n<p>B</p>");
  });

  it("GIVEN empty or blank input WHEN converting THEN the output is empty", () => {
    expect(markdownToHtml("")).toBe("");
    expect(markdownToHtml(" \n\t\n")).toBe("");
  });

  it("GIVEN ## and ### headings WHEN converting THEN they become h3 and h4 under the question's heading", () => {
    expect(markdownToHtml("## Rates\n### Canada ##\ntext")).toBe("<h3>Rates</h3>\n<h4>Canada</h4>\n<p>text</p>");
  });

  it("GIVEN a single # heading WHEN converting THEN it is also an h3, never an h1", () => {
    expect(markdownToHtml("# Big")).toBe("<h3>Big</h3>");
  });

  it("GIVEN a hash without a space WHEN converting THEN it stays text", () => {
    expect(markdownToHtml("#1 best seller")).toBe("<p>#1 best seller</p>");
  });

  it("GIVEN dash and star items WHEN converting THEN they form one unordered list", () => {
    expect(markdownToHtml("- one\n* two")).toBe("<ul><li>one</li><li>two</li></ul>");
  });

  it("GIVEN numbered items WHEN converting THEN they form an ordered list", () => {
    expect(markdownToHtml("1. first\n2. second")).toBe("<ol><li>first</li><li>second</li></ol>");
  });

  it("GIVEN an ordered list starting at 3 WHEN converting THEN the start number is kept", () => {
    expect(markdownToHtml("3. third\n4. fourth")).toBe('<ol start="3"><li>third</li><li>fourth</li></ol>');
  });

  it("GIVEN a list right after a paragraph line WHEN converting THEN the list starts without a blank line", () => {
    expect(markdownToHtml("You can choose:\n- a refund\n- an exchange")).toBe(
      "<p>You can choose:</p>\n<ul><li>a refund</li><li>an exchange</li></ul>",
    );
  });

  it("GIVEN a year ending a line inside a paragraph WHEN converting THEN it is not mistaken for a list", () => {
    expect(markdownToHtml("We opened in\n2019. Since then")).toBe("<p>We opened in<br>\n2019. Since then</p>");
  });

  it("GIVEN an indented line under an item WHEN converting THEN it continues that item", () => {
    expect(markdownToHtml("- Canada\n  2–5 days\nAfter")).toBe("<ul><li>Canada<br>\n2–5 days</li></ul>\n<p>After</p>");
  });

  it("GIVEN a switch from bullets to numbers WHEN converting THEN two lists are made", () => {
    expect(markdownToHtml("- a\n1. b")).toBe("<ul><li>a</li></ul>\n<ol><li>b</li></ol>");
  });
});

describe("markdownToHtml: inline", () => {
  it("GIVEN bold, emphasis and code WHEN converting THEN each gets its element", () => {
    expect(markdownToHtml("**free** returns, *fast* and _easy_: `CODE10`")).toBe(
      "<p><strong>free</strong> returns, <em>fast</em> and <em>easy</em>: <code>CODE10</code></p>",
    );
  });

  it("GIVEN emphasis inside bold WHEN converting THEN the elements nest", () => {
    expect(markdownToHtml("**a *b* c**")).toBe("<p><strong>a <em>b</em> c</strong></p>");
  });

  it("GIVEN bold inside emphasis WHEN converting THEN the elements nest", () => {
    expect(markdownToHtml("*a **b** c*")).toBe("<p><em>a <strong>b</strong> c</em></p>");
  });

  it("GIVEN triple stars WHEN converting THEN the text is bold and emphasised", () => {
    expect(markdownToHtml("***now***")).toBe("<p><strong><em>now</em></strong></p>");
  });

  it("GIVEN crossing markers WHEN converting THEN the output still nests properly", () => {
    const html = markdownToHtml("**a *b** c*");
    expect(html).toBe("<p><strong>a *b</strong> c*</p>");
  });

  it.each(["**never closed", "*never closed", "_never closed", "`never closed", "[never closed](", "a ** b ** c"])(
    "GIVEN the unterminated marker in %j WHEN converting THEN it is shown as typed",
    (source) => {
      expect(markdownToHtml(source)).toBe(`<p>${source}</p>`);
    },
  );

  it("GIVEN underscores inside words and an email WHEN converting THEN they are not emphasis", () => {
    expect(markdownToHtml("order_id and help_desk@shop_name.com")).toBe("<p>order_id and help_desk@shop_name.com</p>");
  });

  it("GIVEN markers inside code WHEN converting THEN they are shown as typed", () => {
    expect(markdownToHtml("`**not bold** [x](/y)`")).toBe("<p><code>**not bold** [x](/y)</code></p>");
  });

  it("GIVEN backslash-escaped stars WHEN converting THEN they are literal", () => {
    expect(markdownToHtml("5 \\* 3 \\* 2")).toBe("<p>5 * 3 * 2</p>");
  });

  it("GIVEN emphasis spanning a line break WHEN converting THEN the break is kept inside it", () => {
    expect(markdownToHtml("**one\ntwo**")).toBe("<p><strong>one<br>\ntwo</strong></p>");
  });
});

describe("markdownToHtml: links", () => {
  it.each([
    ["https://carrier.example/track?a=1&b=2", "https://carrier.example/track?a=1&amp;b=2"],
    ["http://example.com", "http://example.com"],
    ["mailto:help@example.com", "mailto:help@example.com"],
    ["tel:+15555550123", "tel:+15555550123"],
    ["/apps/support", "/apps/support"],
    ["#returns", "#returns"],
    ["https://en.wikipedia.org/wiki/Linen_(fabric)", "https://en.wikipedia.org/wiki/Linen_(fabric)"],
  ])("GIVEN a link to %s WHEN converting THEN it is a link with rel=noopener and no target", (url, href) => {
    expect(markdownToHtml(`[here](${url})`)).toBe(`<p><a href="${href}" rel="noopener">here</a></p>`);
  });

  it("GIVEN formatting in a link's text WHEN converting THEN it is applied inside the link", () => {
    expect(markdownToHtml("[**track** it](/apps/support)")).toBe(
      '<p><a href="/apps/support" rel="noopener"><strong>track</strong> it</a></p>',
    );
  });

  it.each([
    ["javascript:alert(1)"],
    ["JavaScript:alert(1)"],
    ["data:text/html,<script>alert(1)</script>"],
    ["vbscript:msgbox(1)"],
    ["//evil.example/phish"],
    ["/\\evil.example"],
    ["ftp://files.example"],
    ["java&#58;script:alert(1)"],
    ["evil.example"],
  ])("GIVEN a link to %s WHEN converting THEN only its text is shown", (url) => {
    const html = markdownToHtml(`[click](${url})`);
    expect(html).toBe("<p>click</p>");
  });

  it("GIVEN a javascript link with nested parentheses WHEN converting THEN no link and no leftover markup", () => {
    expect(markdownToHtml("[x](javascript:alert(1))")).toBe("<p>x</p>");
  });

  it("GIVEN quotes in a link's URL WHEN converting THEN they cannot close the href attribute", () => {
    const html = markdownToHtml(`[x](https://a.example/"onmouseover="alert(1))`);
    expect(html).toBe('<p><a href="https://a.example/&quot;onmouseover=&quot;alert(1)" rel="noopener">x</a></p>');
    expect(html.match(/"/g)).toHaveLength(4);
  });

  it("GIVEN a single quote and angle brackets in a URL WHEN converting THEN they are escaped", () => {
    expect(markdownToHtml("[x](/a'b<c>)")).toBe('<p><a href="/a&#39;b&lt;c&gt;" rel="noopener">x</a></p>');
  });

  it("GIVEN a space inside the parentheses WHEN converting THEN it is not a link", () => {
    expect(markdownToHtml('[x](https://a.example "title")')).toBe('<p>[x](https://a.example &quot;title&quot;)</p>');
  });
});

describe("markdownToHtml: raw HTML is never produced", () => {
  it("GIVEN a script tag WHEN converting THEN it is escaped text", () => {
    expect(markdownToHtml("<script>alert('x')</script>")).toBe("<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</p>");
  });

  it("GIVEN an image with an onerror handler inside bold WHEN converting THEN it is escaped text", () => {
    expect(markdownToHtml('**<img src=x onerror="alert(1)">**')).toBe(
      "<p><strong>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</strong></p>",
    );
  });

  it("GIVEN HTML in a link's text and in a heading WHEN converting THEN it is escaped", () => {
    expect(markdownToHtml("## <b>x</b>\n[<i>y</i>](/z)")).toBe(
      '<h3>&lt;b&gt;x&lt;/b&gt;</h3>\n<p><a href="/z" rel="noopener">&lt;i&gt;y&lt;/i&gt;</a></p>',
    );
  });

  it("GIVEN an HTML entity WHEN converting THEN it is shown as typed, not decoded", () => {
    expect(markdownToHtml("&lt;script&gt;")).toBe("<p>&amp;lt;script&amp;gt;</p>");
  });

  it("GIVEN NUL characters that could mimic internal placeholders WHEN converting THEN they are neutralised", () => {
    const html = markdownToHtml("a\u00000\u0000b `c`");
    expect(html).toBe("<p>a\uFFFD0\uFFFDb <code>c</code></p>");
  });

  it("GIVEN a mix of hostile inputs WHEN converting THEN only the subset's own tags appear", () => {
    const source = [
      "<iframe src=//evil></iframe>",
      "- <svg onload=alert(1)>",
      "1. [a](javascript:alert(1)) [b](https://ok.example)",
      "### <style>*{}</style>",
      "**<a href='x'>** _<form>_ `<input>`",
    ].join("\n");
    for (const tag of tags(markdownToHtml(source))) expect(ALLOWED_TAGS).toContain(tag);
  });
});

describe("markdownToText", () => {
  it("GIVEN formatting and a link WHEN converting to text THEN only the words remain", () => {
    expect(markdownToText("**Free** returns within *30 days*: [start here](/apps/support) with `CODE`.")).toBe(
      "Free returns within 30 days: start here with CODE.",
    );
  });

  it("GIVEN headings, paragraphs and lists WHEN converting to text THEN blocks are separated by blank lines and items by lines", () => {
    expect(markdownToText("## Rates\nIntro\n\n- Canada\n- US\n\n2. b\n3. c")).toBe("Rates\n\nIntro\n\n- Canada\n- US\n\n2. b\n3. c");
  });

  it("GIVEN markup-looking text WHEN converting to text THEN it is kept unescaped for the caller to escape", () => {
    expect(markdownToText("Tom & Jerry <3")).toBe("Tom & Jerry <3");
  });

  it("GIVEN an unsafe link WHEN converting to text THEN its text is kept and its URL dropped", () => {
    expect(markdownToText("[x](javascript:alert(1))")).toBe("x");
  });
});
