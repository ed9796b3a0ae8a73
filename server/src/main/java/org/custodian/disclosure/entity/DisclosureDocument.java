package org.custodian.disclosure.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * An evidence document: the subject's (or guardian's) written authorization for basis 1. Uploaded
 * by the member filing, before filing or onto the request; the content is kept with its SHA-256.
 */
@Entity
@Table(name = "disclosure_document")
public class DisclosureDocument {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "disclosure_id")
  private Disclosure disclosure;

  @Column(name = "file_name", nullable = false)
  private String fileName;

  @Column(name = "content_type", nullable = false)
  private String contentType;

  @Column(name = "size_bytes", nullable = false)
  private long sizeBytes;

  @Column(nullable = false)
  private String sha256;

  @Lob
  @Basic(fetch = FetchType.LAZY)
  @Column(nullable = false)
  private byte[] content;

  @Column(name = "uploaded_by", nullable = false)
  private String uploadedBy;

  @Column(name = "uploaded_at", nullable = false)
  private Instant uploadedAt;

  protected DisclosureDocument() {}

  public DisclosureDocument(
      String fileName,
      String contentType,
      byte[] content,
      String sha256,
      String uploadedBy,
      Instant uploadedAt) {
    this.fileName = Objects.requireNonNull(fileName);
    this.contentType = Objects.requireNonNull(contentType);
    this.content = Objects.requireNonNull(content);
    this.sizeBytes = content.length;
    this.sha256 = Objects.requireNonNull(sha256);
    this.uploadedBy = Objects.requireNonNull(uploadedBy);
    this.uploadedAt = Objects.requireNonNull(uploadedAt);
  }

  public void attachTo(Disclosure disclosure) {
    this.disclosure = disclosure;
  }

  public Long id() {
    return id;
  }

  public Disclosure disclosure() {
    return disclosure;
  }

  public String fileName() {
    return fileName;
  }

  public String contentType() {
    return contentType;
  }

  public long sizeBytes() {
    return sizeBytes;
  }

  public String sha256() {
    return sha256;
  }

  public byte[] content() {
    return content;
  }

  public String uploadedBy() {
    return uploadedBy;
  }

  public Instant uploadedAt() {
    return uploadedAt;
  }
}
