package org.custodian.audit.control;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.custodian.tlog.Checkpoint;
import org.custodian.tlog.Cosignature;
import org.custodian.tlog.Merkle;
import org.custodian.tlog.Note;

/**
 * A C2SP tlog-witness (https://c2sp.org/tlog-witness) for tests, as the protocol describes it: it
 * holds one checkpoint of the log it trusts, takes a new one only with the right old size (else 409
 * and its size) and a consistency proof that verifies (else 422), refuses another root for the size
 * it holds (409 with no size, as transparency-dev's witness answers), and answers with its
 * cosignature line (C2SP tlog-cosignature, Ed25519, by the fixed test key {@link #KEY}). On the
 * JDK's small HTTP server, at {@code /add-checkpoint}.
 */
final class C2spTestWitness {

  /** The test witness's private key: a fixed seed, so the server's configuration can name it. */
  private static final PrivateKey PRIVATE_KEY = Note.privateKeyFromSeed(seed());

  /** Its cosignature key, as {@code custodian.audit.witness.key} names it in arquillian.xml. */
  static final Cosignature.WitnessKey KEY =
      Cosignature.WitnessKey.of("witness.test/w1", Note.publicKeyOf(PRIVATE_KEY));

  /** What it answers after a checkpoint it took, instead of its cosignature; null: its own. */
  private volatile String answer;

  private final Note.VerifierKey logKey;
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private long size;
  private byte[] root = Merkle.emptyRoot();
  private HttpServer server;

  C2spTestWitness(Note.VerifierKey logKey) {
    this.logKey = logKey;
  }

  /** Starts on the loopback address ({@code port} 0: any free one); the add-checkpoint URL. */
  URI start(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/add-checkpoint", this::handle);
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/add-checkpoint");
  }

  void stop() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }

  /** Answers {@code body} to the checkpoints it takes from now on, not its cosignature. */
  void answer(String body) {
    this.answer = body;
  }

  /** Every request body received, in order. */
  List<String> bodies() {
    return bodies;
  }

  /** The size of the tree it cosigned last. */
  synchronized long size() {
    return size;
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    bodies.add(body);
    int blank = body.indexOf("\n\n");
    String[] head = body.substring(0, blank).split("\n");
    String note = body.substring(blank + 2);
    long old = Long.parseLong(head[0].substring("old ".length()));
    List<byte[]> proof = new ArrayList<>();
    for (int i = 1; i < head.length; i++) {
      proof.add(Base64.getDecoder().decode(head[i]));
    }
    Checkpoint next;
    try {
      next = Checkpoint.parse(Note.open(note, logKey));
    } catch (RuntimeException e) {
      answer(exchange, 403, "text/plain", "");
      return;
    }
    synchronized (this) {
      if (old > next.size()) {
        answer(exchange, 400, "text/plain", "");
      } else if (old != size) {
        answer(exchange, 409, "text/x.tlog.size", size + "\n");
      } else if (old == next.size() && !Arrays.equals(root, next.rootHash())) {
        // as transparency-dev's witness answers it: a conflict, and no size
        answer(exchange, 409, "text/plain", "");
      } else if (old > 0
          && old < next.size()
          && !Merkle.verifyConsistency(old, next.size(), proof, root, next.rootHash())) {
        answer(exchange, 422, "text/plain", "");
      } else {
        size = next.size();
        root = next.rootHash();
        String cosignature =
            Cosignature.sign(
                Note.split(note).body(), KEY, PRIVATE_KEY, System.currentTimeMillis() / 1000);
        answer(exchange, 200, "text/plain", answer != null ? answer : cosignature + "\n");
      }
    }
  }

  private static byte[] seed() {
    byte[] seed = new byte[32];
    Arrays.fill(seed, (byte) 0x57);
    return seed;
  }

  private static void answer(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }
}
