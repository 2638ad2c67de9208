package org.kefu.web.tickets;

import jakarta.faces.model.SelectItem;
import org.kefu.tickets.TicketCategory;
import org.kefu.tickets.Tickets;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The ticket types and categories as a form offers them, in the reader's language. */
public final class TicketChoices {

    private TicketChoices() {
    }

    /** The types, most urgent first. */
    public static List<SelectItem> types(Tickets tickets, boolean english) {
        return tickets.types().stream().map(t -> new SelectItem(t.getCode(), english ? t.getNameEn() : t.getNameZh())).toList();
    }

    /** The categories as paths of the tree ("公用事业 / 供电 / 停电"), in the order of their paths. */
    public static List<SelectItem> categories(Tickets tickets, boolean english) {
        List<TicketCategory> all = tickets.categories();
        Map<String, TicketCategory> byCode = all.stream().collect(Collectors.toMap(TicketCategory::getCode, Function.identity()));
        return all.stream().map(c -> new SelectItem(c.getCode(), path(c, byCode, english, 0)))
                .sorted(Comparator.comparing(SelectItem::getLabel)).toList();
    }

    private static String path(TicketCategory c, Map<String, TicketCategory> byCode, boolean english, int depth) {
        String name = english ? c.getNameEn() : c.getNameZh();
        TicketCategory parent = c.getParentCode() == null ? null : byCode.get(c.getParentCode());
        // The depth bounds a loop of parents someone typed into the table.
        return parent == null || depth > 8 ? name : path(parent, byCode, english, depth + 1) + " / " + name;
    }
}
