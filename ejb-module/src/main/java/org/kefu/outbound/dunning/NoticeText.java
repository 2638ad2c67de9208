package org.kefu.outbound.dunning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The words of a reminder in the customer's language (zh-CN or English; resource bundle
 * DunningMessages): an SMS, or an e-mail's subject and body. Amounts with two decimals, dates in
 * ISO form (2026-02-15), which both languages read.
 */
record NoticeText(String sms, String subject, String body) {

    static final String SENDER = System.getProperty("kefu.dunning.sender", "客服中心");

    static NoticeText of(String language, String customerName, String period, BigDecimal amount, LocalDate due,
                         String billNumber) {
        Locale locale = language == null ? Locale.SIMPLIFIED_CHINESE : Locale.forLanguageTag(language);
        // No fallback to the server's own locale: an English customer reads the base (English) bundle.
        ResourceBundle words = ResourceBundle.getBundle("org.kefu.outbound.dunning.DunningMessages", locale,
                NoticeText.class.getClassLoader(), ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Object[] args = {SENDER, customerName, period, amount.setScale(2, RoundingMode.HALF_UP).toPlainString(), due.toString(), billNumber};
        return new NoticeText(format(words, "sms", locale, args), format(words, "mail.subject", locale, args),
                format(words, "mail.body", locale, args));
    }

    private static String format(ResourceBundle words, String key, Locale locale, Object[] args) {
        return new MessageFormat(words.getString(key), locale).format(args);
    }
}
