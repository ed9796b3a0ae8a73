package org.custodian.platform.pdf;

import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The fonts of every PDF Custodian makes (letters, the quarterly report, policies): Liberation
 * Sans, embedded as a Unicode (Identity-H) font with only the glyphs a document uses.
 *
 * <p>The PDF standard fonts (Helvetica) encode only Windows-1252: a notification letter to an
 * affected individual named "Łucja Nguyễn" or "Иван Петров" printed the name with letters missing.
 * Liberation Sans has Latin (with Vietnamese and Central European letters), Greek and Cyrillic.
 * Names in other scripts (Chinese, Arabic, Bengali) still need a font with those glyphs.
 *
 * <p>The font files are parsed once; a BaseFont is shared by documents, each PDF writer keeps its
 * own subset.
 */
public final class PdfFonts {

  private static final BaseFont REGULAR = load("LiberationSans-Regular.ttf");
  private static final BaseFont BOLD = load("LiberationSans-Bold.ttf");
  private static final BaseFont ITALIC = load("LiberationSans-Italic.ttf");

  private PdfFonts() {}

  public static Font regular(float size) {
    return new Font(REGULAR, size);
  }

  public static Font bold(float size) {
    return new Font(BOLD, size);
  }

  public static Font italic(float size) {
    return new Font(ITALIC, size);
  }

  private static BaseFont load(String file) {
    // the TTFs of com.github.librepdf:openpdf-fonts-extra
    try (InputStream in =
        PdfFonts.class.getClassLoader().getResourceAsStream("liberation/" + file)) {
      if (in == null) {
        throw new IllegalStateException(
            "The font liberation/" + file + " is not on the class path (openpdf-fonts-extra).");
      }
      return BaseFont.createFont(
          file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
