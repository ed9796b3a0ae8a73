package org.custodian.policy.control;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Safelist;

/**
 * Policy text is stored as HTML. Everything that writes it goes through {@link #sanitize} (the
 * rich-text editor and the API alike); public comments keep no markup at all ({@link #plainText}).
 */
public final class PolicyHtml {

  /**
   * Paragraphs, lists, tables and inline emphasis: no images, scripts, styles or event handlers.
   */
  private static final Safelist POLICY = Safelist.relaxed().removeTags("img");

  private static final Document.OutputSettings COMPACT =
      new Document.OutputSettings().prettyPrint(false);

  /** The blocks whose text is compared and printed, each on its own. */
  private static final String BLOCKS = "p, li, h1, h2, h3, h4, h5, h6, tr, pre, blockquote";

  private PolicyHtml() {}

  public static String sanitize(String html) {
    return Jsoup.clean(html == null ? "" : html, "", POLICY, COMPACT).strip();
  }

  /**
   * Text without any markup (tags removed, a script's content dropped, entities decoded); line
   * breaks kept.
   */
  public static String plainText(String input) {
    if (input == null) {
      return null;
    }
    String cleaned = Jsoup.clean(input, "", Safelist.none(), COMPACT);
    return Parser.unescapeEntities(cleaned, false).replace("\r\n", "\n").strip();
  }

  /** The section's text block by block (a paragraph, a list item, a table row), in order. */
  public static List<String> blocks(String html) {
    Element body = Jsoup.parseBodyFragment(html == null ? "" : html).body();
    List<String> blocks = new ArrayList<>();
    for (Element block : body.select(BLOCKS)) {
      if (block.select(BLOCKS).size() > 1) {
        continue; // a list or table holding blocks: its inner blocks are taken one by one
      }
      String text = block.tagName().equals("tr") ? rowText(block) : block.text();
      if (!text.isBlank()) {
        blocks.add(text.strip());
      }
    }
    if (blocks.isEmpty() && !body.text().isBlank()) {
      blocks.add(body.text().strip());
    }
    return blocks;
  }

  private static String rowText(Element row) {
    List<String> cells = new ArrayList<>();
    for (Element cell : row.select("td, th")) {
      cells.add(cell.text());
    }
    return String.join(" | ", cells);
  }

  /**
   * Whether a section says anything (an editor's empty "
   *
   * <p><br>
   * " does not).
   */
  public static boolean isBlank(String html) {
    return Jsoup.parseBodyFragment(html == null ? "" : html).body().text().isBlank();
  }
}
