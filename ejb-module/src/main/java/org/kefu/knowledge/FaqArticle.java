package org.kefu.knowledge;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A knowledge-base article, in Simplified Chinese and English. */
@Entity
@Table(name = "faq_article")
public class FaqArticle {

    public static final String ACTIVE = "ACTIVE";
    public static final String RETIRED = "RETIRED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "category", nullable = false, length = 32)
    private String category;

    @Column(name = "title_zh", nullable = false, length = 600)
    private String titleZh;

    @Column(name = "title_en", nullable = false, length = 600)
    private String titleEn;

    @Column(name = "body_zh", nullable = false, length = 4000)
    private String bodyZh;

    @Column(name = "body_en", nullable = false, length = 4000)
    private String bodyEn;

    @Column(name = "keywords", length = 1000)
    private String keywords;

    @Column(name = "status", nullable = false, length = 16)
    private String status = ACTIVE;

    @Column(name = "updated_by", length = 32)
    private String updatedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected FaqArticle() {
    }

    FaqArticle(Instant now) {
        createdAt = now;
        updatedAt = now;
    }

    void write(FaqDraft d, String actor, Instant now) {
        category = d.getCategory();
        titleZh = d.getTitleZh();
        titleEn = d.getTitleEn();
        bodyZh = d.getBodyZh();
        bodyEn = d.getBodyEn();
        keywords = d.getKeywords();
        updatedBy = actor;
        updatedAt = now;
    }

    void setStatus(String status, String actor, Instant now) {
        this.status = status;
        updatedBy = actor;
        updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getCategory() {
        return category;
    }

    public String getTitleZh() {
        return titleZh;
    }

    public String getTitleEn() {
        return titleEn;
    }

    public String getBodyZh() {
        return bodyZh;
    }

    public String getBodyEn() {
        return bodyEn;
    }

    public String getKeywords() {
        return keywords;
    }

    public String getStatus() {
        return status;
    }

    public boolean isRetired() {
        return RETIRED.equals(status);
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
