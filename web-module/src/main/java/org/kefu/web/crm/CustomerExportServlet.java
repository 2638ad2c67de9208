package org.kefu.web.crm;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.kefu.crm.CustomerDraft;
import org.kefu.crm.CustomerRecords;
import org.kefu.crm.CustomerSearch;
import org.kefu.web.console.LocaleSelector;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The customer list as a file: {@code /agent/customers-export?format=csv|xlsx} with the list's
 * search ({@code text}, {@code vip}, {@code lang}, {@code sort}, {@code asc}), headings in the
 * console's language. Supervisors and admins only (CustomerRecords.export checks), audited.
 */
@WebServlet("/agent/customers-export")
public class CustomerExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private CustomerRecords records;

    @Inject
    private LocaleSelector localeSelector;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String format = request.getParameter("format");
        if (!"csv".equals(format) && !"xlsx".equals(format)) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "format must be csv or xlsx");
            return;
        }
        CustomerSearch search = new CustomerSearch();
        search.setText(request.getParameter("text"));
        search.setLanguage(request.getParameter("lang"));
        try {
            String vip = request.getParameter("vip");
            search.setVipLevel(vip == null || vip.isBlank() ? null : Integer.valueOf(vip));
            String sort = request.getParameter("sort");
            search.setSortField(sort == null ? null : CustomerSearch.SortField.valueOf(sort));
        } catch (IllegalArgumentException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "bad vip or sort");
            return;
        }
        search.setAscending(!"false".equals(request.getParameter("asc")));
        List<CustomerDraft> customers;
        try {
            customers = records.export(search, format);
        } catch (EJBAccessException e) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        Locale locale = localeSelector.getLocale();
        List<List<String>> table = CustomerFile.table(customers, locale);
        String name = "customers-" + LocalDateTime.now(ZoneId.of("Asia/Shanghai")).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmm"));
        byte[] body;
        if ("csv".equals(format)) {
            body = CsvTable.write(table);
            response.setContentType("text/csv; charset=UTF-8");
        } else {
            body = XlsxTable.write("en".equals(locale.getLanguage()) ? "Customers" : "客户", table);
            response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        }
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "." + format + "\"");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
