package org.custodian.platform.pdf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.custodian.breach.control.NotificationLetter;
import org.custodian.breach.entity.BreachNotification;
import org.custodian.breach.entity.BreachReport;
import org.custodian.disclosure.entity.DataCategory;
import org.custodian.disclosure.entity.RecipientKind;
import org.junit.jupiter.api.Test;

/**
 * A letter names its addressee as written, whatever Latin, Greek or Cyrillic letters the name has.
 */
class PdfFontsTest {

  private static final String NAMES =
      "Łucja Nguyễn Thị Ánh, Иван Петров, Γιώργος Παπαδόπουλος, Siobhán Ó Súilleabháin";

  @Test
  void aNotificationLetterKeepsEveryLetterOfTheName() throws Exception {
    Instant at = Instant.parse("2026-05-10T14:00:00Z");
    BreachReport breach =
        new BreachReport(
            "BR-2026-0001",
            "member.diaz",
            at,
            "summary",
            "a group chat",
            RecipientKind.COMMUNITY_OR_MEDIA,
            at.minusSeconds(3_600),
            "noticed",
            Set.of(DataCategory.NAME, DataCategory.ADDRESS),
            1,
            List.of(NAMES),
            Set.of(),
            Duration.ofHours(24));
    byte[] pdf = NotificationLetter.pdf(breach, new BreachNotification(breach, NAMES));

    String text = new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1);
    assertTrue(text.replaceAll("\\s+", " ").contains("Dear " + NAMES + ","), text);
  }
}
