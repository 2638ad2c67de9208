package org.kefu.web.workplace;

/**
 * The number in a link that opens the workplace ready to dial (agent/index.xhtml?dial=…, from the
 * customer pages): prefilled, the agent dials with one click.
 */
final class DialLink {

    private DialLink() {
    }

    /** The number without spaces and dashes, or null when the parameter is no phone number. */
    static String number(String parameter) {
        if (parameter == null || !parameter.matches("[0-9*#+ -]{2,32}")) {
            return null;
        }
        return parameter.replaceAll("[\\s-]", "");
    }
}
