package org.kefu.knowledge;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** An article as the administrator edits it; {@link #problems()} says what must change. */
public class FaqDraft implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final List<String> CATEGORIES = List.of("BANKING", "CARDS", "SECURITIES", "UTILITIES", "GENERAL");
    public static final int MAX_TITLE = 200;
    public static final int MAX_BODY = 1000;
    public static final int MAX_KEYWORDS = 300;

    private Long id;
    private String category = "GENERAL";
    private String titleZh;
    private String titleEn;
    private String bodyZh;
    private String bodyEn;
    private String keywords;

    public static FaqDraft of(FaqArticle a) {
        FaqDraft d = new FaqDraft();
        d.id = a.getId();
        d.category = a.getCategory();
        d.titleZh = a.getTitleZh();
        d.titleEn = a.getTitleEn();
        d.bodyZh = a.getBodyZh();
        d.bodyEn = a.getBodyEn();
        d.keywords = a.getKeywords();
        return d;
    }

    /**
     * Problem codes ({@code faq.problem.<code>} on the screens), each with its field: both
     * languages are required, so that every agent can read every article.
     */
    public List<String[]> problems() {
        List<String[]> problems = new ArrayList<>();
        if (category == null || !CATEGORIES.contains(category)) {
            problems.add(new String[] {"category", "category"});
        }
        required(problems, "titleZh", titleZh, MAX_TITLE);
        required(problems, "titleEn", titleEn, MAX_TITLE);
        required(problems, "bodyZh", bodyZh, MAX_BODY);
        required(problems, "bodyEn", bodyEn, MAX_BODY);
        if (keywords != null && keywords.length() > MAX_KEYWORDS) {
            problems.add(new String[] {"keywords", "tooLong"});
        }
        return problems;
    }

    private static void required(List<String[]> problems, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            problems.add(new String[] {field, "required"});
        } else if (value.strip().length() > max) {
            problems.add(new String[] {field, "tooLong"});
        }
    }

    /** Trimmed texts; keywords split on commas (Latin or Chinese) and joined with ", ". */
    FaqDraft normalized() {
        FaqDraft n = new FaqDraft();
        n.id = id;
        n.category = category;
        n.titleZh = strip(titleZh);
        n.titleEn = strip(titleEn);
        n.bodyZh = strip(bodyZh);
        n.bodyEn = strip(bodyEn);
        n.keywords = keywords == null ? null : Arrays.stream(keywords.split("[,，、;；]"))
                .map(String::strip).filter(k -> !k.isEmpty()).collect(Collectors.joining(", "));
        if (n.keywords != null && n.keywords.isEmpty()) {
            n.keywords = null;
        }
        return n;
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getTitleZh() {
        return titleZh;
    }

    public void setTitleZh(String titleZh) {
        this.titleZh = titleZh;
    }

    public String getTitleEn() {
        return titleEn;
    }

    public void setTitleEn(String titleEn) {
        this.titleEn = titleEn;
    }

    public String getBodyZh() {
        return bodyZh;
    }

    public void setBodyZh(String bodyZh) {
        this.bodyZh = bodyZh;
    }

    public String getBodyEn() {
        return bodyEn;
    }

    public void setBodyEn(String bodyEn) {
        this.bodyEn = bodyEn;
    }

    public String getKeywords() {
        return keywords;
    }

    public void setKeywords(String keywords) {
        this.keywords = keywords;
    }
}
