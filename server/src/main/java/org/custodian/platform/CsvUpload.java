package org.custodian.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * A CSV file someone uploads (the HR roster, a covered system's access events): RFC 4180 with a
 * header row naming each column once, values trimmed. Whatever commons-csv cannot read is bad input
 * naming {@code body}, never a 500.
 */
public final class CsvUpload {

  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .setTrim(true)
          .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
          .get();

  /** What is done with the rows of a file whose header has every required column. */
  @FunctionalInterface
  public interface Rows<T> {
    T read(CSVParser parser) throws IOException;
  }

  private CsvUpload() {}

  /** The body as UTF-8 text, at most {@code maxBytes} ({@code tooLarge} says so otherwise). */
  public static String text(InputStream body, int maxBytes, String tooLarge) {
    try {
      byte[] bytes = body.readNBytes(maxBytes + 1);
      if (bytes.length > maxBytes) {
        throw new InvalidInputException("body", tooLarge);
      }
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidInputException("body", "The file could not be read.");
    }
  }

  /** Reads the file's rows once its header is known to name every {@code required} column. */
  public static <T> T read(
      String text, List<String> required, List<String> optional, Rows<T> rows) {
    try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
      for (String column : required) {
        if (!parser.getHeaderNames().contains(column)) {
          throw new InvalidInputException(
              "body",
              "The CSV header names the columns "
                  + String.join(", ", required)
                  + " (and optionally "
                  + String.join(", ", optional)
                  + "); "
                  + column
                  + " is missing.");
        }
      }
      return rows.read(parser);
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      throw new InvalidInputException("body", "The CSV cannot be read: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      // commons-csv refuses a header with a blank or repeated column name so
      throw new InvalidInputException("body", "The CSV's header cannot be read: " + e.getMessage());
    }
  }
}
