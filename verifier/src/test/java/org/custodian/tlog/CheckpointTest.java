package org.custodian.tlog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Checkpoint} against published C2SP tlog-checkpoint bodies.
 *
 * <p>Sources (all fetched from GitHub):
 *
 * <ul>
 *   <li>C2SP/C2SP @ 5ba5ee830903e91240fc6f9f3a7a9293d49e69c9: {@code tlog-checkpoint.md}.
 *   <li>golang/mod @ fe2ec04f7c3c3aa6fad97631aafcff6e49e2d1db: {@code sumdb/tlog/note_test.go}
 *       (TestFormatTree, TestParseTree).
 *   <li>transparency-dev/formats @ 0b850f1a7b4a5b70deeacac6535e4b8023809d21: {@code
 *       log/note_test.go} (a real sum.golang.org checkpoint) and {@code log/checkpoint_test.go}
 *       (TestUnmarshalLogState).
 * </ul>
 */
class CheckpointTest {

  // C2SP/C2SP tlog-checkpoint.md, the example at the top (its note text)
  private static final String C2SP_BODY =
      "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";

  // golang/mod sumdb/tlog/note_test.go, TestFormatTree / TestParseTree: the tree of size
  // 123456789012 whose hash is RecordHash("hello world") = SHA-256(0x00 || "hello world")
  private static final String SUMDB_BODY =
      "go.sum database tree\n123456789012\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n";

  @Test
  void parsesTheC2spExample() {
    Checkpoint checkpoint = Checkpoint.parse(C2SP_BODY);
    assertEquals("example.com/behind-the-sofa", checkpoint.origin());
    assertEquals(20852163L, checkpoint.size());
    assertArrayEquals(
        Base64.getDecoder().decode("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I="),
        checkpoint.rootHash());
    assertEquals(C2SP_BODY, checkpoint.body());
  }

  @Test
  void parsesAndFormatsTheSumdbTree() {
    Checkpoint checkpoint = Checkpoint.parse(SUMDB_BODY);
    assertEquals("go.sum database tree", checkpoint.origin());
    assertEquals(123456789012L, checkpoint.size());
    assertArrayEquals(
        Merkle.leafHash("hello world".getBytes(StandardCharsets.UTF_8)), checkpoint.rootHash());
    assertEquals(SUMDB_BODY, checkpoint.body());
    // TestFormatTree: FormatTree(Tree{123456789012, RecordHash("hello world")}) == golden
    Checkpoint built =
        new Checkpoint(
            "go.sum database tree",
            123456789012L,
            Merkle.leafHash("hello world".getBytes(StandardCharsets.UTF_8)));
    assertEquals(SUMDB_BODY, built.body());
  }

  // transparency-dev/formats log/note_test.go, TestSumDBNoteParsing: size 6476701, origin
  // "go.sum database tree", in a note signed by sum.golang.org.
  @Test
  void parsesARealSignedSumdbCheckpoint() {
    String note = NoteVectorsTest.SUMDB_NOTE;
    String body = note.substring(0, note.indexOf("\n\n") + 1);
    Checkpoint checkpoint = Checkpoint.parse(body);
    assertEquals("go.sum database tree", checkpoint.origin());
    assertEquals(6476701L, checkpoint.size());
    assertArrayEquals(
        Base64.getDecoder().decode("mb8QLQIs0Z0yP5Cstq6guj87oXWeC9gEM8oVikmm9Wk="),
        checkpoint.rootHash());
    assertEquals(body, checkpoint.body());
  }

  // golang/mod sumdb/tlog/note_test.go, TestParseTree "Check junk on end is ignored": extension
  // lines after the root hash. (The Go list also has in + "JOE" with no final newline, which is not
  // a note text at all under C2SP signed-note, so it is left out.)
  @Test
  void acceptsExtensionLines() {
    for (String body : List.of(SUMDB_BODY + "JOE\n", SUMDB_BODY + "JOE\n".repeat(1000))) {
      Checkpoint checkpoint = Checkpoint.parse(body);
      assertEquals("go.sum database tree", checkpoint.origin());
      assertEquals(123456789012L, checkpoint.size());
      assertArrayEquals(
          Merkle.leafHash("hello world".getBytes(StandardCharsets.UTF_8)), checkpoint.rootHash());
    }
  }

  /**
   * The brief for this library says extension lines are "kept verbatim", so a checkpoint body with
   * them should come back unchanged from {@code body()}. (transparency-dev/formats
   * log/checkpoint_test.go, TestUnmarshalLogState "valid with trailing data", returns them as
   * "rest".)
   */
  @Test
  void rejectsMalformedBodies() {
    String hash = "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=";
    List<String> bad =
        List.of(
            // golang/mod sumdb/tlog/note_test.go, TestParseTree badTrees (the first, "not-" + in,
            // only fails there because Go checks the sumdb's own origin, so it is left out)
            "go.sum database tree\n0xabcdef\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n",
            "go.sum database tree\n123456789012\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBTOOBIG=\n",
            // transparency-dev/formats log/checkpoint_test.go, TestUnmarshalLogState invalid cases
            "Head\n9944\n",
            "\n9944\ndGhlIHZpZXcgZnJvbSB0aGUgdHJlZSB0b3BzIGlzIGdyZWF0IQ==\n",
            "Log\n123\nYmFuYW5hcw==",
            "Log\nbananas\ndGhlIHZpZXcgZnJvbSB0aGUgdHJlZSB0b3BzIGlzIGdyZWF0IQ==\n",
            "Log\n-34\ndGhlIHZpZXcgZnJvbSB0aGUgdHJlZSB0b3BzIGlzIGdyZWF0IQ==\n",
            "Log\n3438945738945739845734895735\ndGhlIHZpZXcgZnJvbSB0aGUgdHJlZSB0b3BzIGlzIGdyZWF0IQ==\n",
            "Log\n123\nThisIsn'tBase64\n",
            // The same defects with a well-formed 32-byte root, so that only the defect is wrong
            "Head\n9944\n" + hash,
            "\n9944\n" + hash + "\n",
            "Log\n123\n" + hash,
            "Log\nbananas\n" + hash + "\n",
            "Log\n-34\n" + hash + "\n",
            "Log\n3438945738945739845734895735\n" + hash + "\n",
            // C2SP tlog-checkpoint.md: the root hash is an RFC 6962 (SHA-256) hash, and the size
            // has "no leading zeroes (unless the tree is empty, in which case the tree size is 0)"
            "Log\n123\nYmFuYW5hcw==\n",
            "Log\n020852163\n" + hash + "\n",
            "Log\n00\n" + hash + "\n",
            "Log\n+5\n" + hash + "\n",
            "Log\n 5\n" + hash + "\n");
    for (String body : bad) {
      try {
        Checkpoint checkpoint = Checkpoint.parse(body);
        fail("parsed a malformed checkpoint body as size " + checkpoint.size() + ": " + q(body));
      } catch (IllegalArgumentException expected) {
        // rejected, as it should be
      } catch (RuntimeException e) {
        fail("a malformed body threw " + e + " instead of IllegalArgumentException: " + q(body));
      }
    }
  }

  @Test
  void acceptsTheEmptyTree() {
    String body = "example.com/log42\n0\n" + Base64.getEncoder().encodeToString(Merkle.emptyRoot());
    Checkpoint checkpoint = Checkpoint.parse(body + "\n");
    assertEquals(0L, checkpoint.size());
    assertArrayEquals(Merkle.emptyRoot(), checkpoint.rootHash());
  }

  private static String q(String s) {
    return s.replace("\n", "\\n");
  }
}
