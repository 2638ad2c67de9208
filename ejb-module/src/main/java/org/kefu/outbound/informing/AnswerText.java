package org.kefu.outbound.informing;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The words that tell a customer their ticket's answer, in their language (zh-CN or English;
 * resource bundle AnswerMessages): an SMS, an e-mail's subject and body, and the reason an agent
 * reads before calling back. The answer in an SMS is cut to keep the message short.
 */
record AnswerText(String sms, String subject, String body, String callbackReason) {

    static final String SENDER = System.getProperty("kefu.dunning.sender", "客服中心");
    static final int SMS_ANSWER_CHARS = 60;

    static AnswerText of(String language, long ticket, String subject, String answer) {
        Locale locale = language == null ? Locale.SIMPLIFIED_CHINESE : Locale.forLanguageTag(language);
        ResourceBundle words = ResourceBundle.getBundle("org.kefu.outbound.informing.AnswerMessages", locale,
                AnswerText.class.getClassLoader(), ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String oneLine = answer == null ? "" : answer.strip().replaceAll("\\s+", " ");
        String shortAnswer = oneLine.length() <= SMS_ANSWER_CHARS ? oneLine : oneLine.substring(0, SMS_ANSWER_CHARS - 1) + "…";
        // The ticket number as digits, not "20,000,123": MessageFormat would group it.
        Object[] args = {SENDER, String.valueOf(ticket), subject == null ? "" : subject, shortAnswer, oneLine};
        String reason = format(words, "callback.reason", locale, args);
        return new AnswerText(format(words, "sms", locale, args), format(words, "mail.subject", locale, args),
                format(words, "mail.body", locale, args), reason.length() <= 200 ? reason : reason.substring(0, 199) + "…");
    }

    private static String format(ResourceBundle words, String key, Locale locale, Object[] args) {
        return new MessageFormat(words.getString(key), locale).format(args);
    }
}
