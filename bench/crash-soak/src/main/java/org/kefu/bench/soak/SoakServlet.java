package org.kefu.bench.soak;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.kefu.banking.BankingException;
import org.kefu.banking.BankingService;
import org.kefu.banking.OperationContext;
import org.kefu.banking.Receipt;
import org.kefu.securities.OrderReceipt;
import org.kefu.securities.SecuritiesException;
import org.kefu.securities.SecuritiesService;
import org.kefu.securities.Side;

import javax.naming.InitialContext;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;

/**
 * The soak's way in, one request per business call, through the real services (each call is its
 * own JTA transaction, committed by two-phase commit before the answer is written):
 * <ul>
 * <li>{@code POST /crash-soak/transfer?key&from&to&amount}: {@code BankingService.transfer}, channel IVR;</li>
 * <li>{@code POST /crash-soak/order?key&account&side&code&price&qty}: {@code SecuritiesService.placeOrder};</li>
 * <li>{@code GET /crash-soak/setup}: opens the soak's accounts when missing ({@link SoakSetup});</li>
 * <li>{@code GET /crash-soak/queues}: messages waiting in the queues the soak watches (browsed).</li>
 * </ul>
 * Answers, as text: {@code OK <reference> <replayed>} (200), {@code REFUSED <error> <detail>}
 * (409, a business refusal: nothing was written), {@code FAILED <exception>} (500).
 */
@WebServlet("/*")
public class SoakServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final List<String> QUEUES = List.of("backoffice/out", "backoffice/out/DLQ", "securities/GZ01", "securities/GZ02",
            "securities/GZ01/DLQ", "securities/GZ02/DLQ", "securities/replies", "securities/replies/DLQ");

    @EJB(lookup = "java:global/kefu/kefu-ejb/CallerVerifications!org.kefu.banking.CallerVerifications")
    private org.kefu.banking.CallerVerifications verifications;

    @EJB(lookup = "java:global/kefu/kefu-ejb/BankingServiceBean!org.kefu.banking.BankingService")
    private BankingService banking;

    @EJB(lookup = "java:global/kefu/kefu-ejb/SecuritiesServiceBean!org.kefu.securities.SecuritiesService")
    private SecuritiesService securities;

    @EJB
    private SoakSetup setup;

    @Resource(lookup = "java:/ConnectionFactory")
    private ConnectionFactory jms;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        doGet(req, resp);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/plain");
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        try {
            switch (path) {
                case "/transfer" -> {
                    // The soak stands in for a caller who proved the PIN (issue 14 item 8).
                    verifications.verified("crash-soak", req.getParameter("from"));
                    Receipt r = banking.transfer(OperationContext.ivr("crash-soak", req.getParameter("key")),
                            req.getParameter("from"), req.getParameter("to"), new BigDecimal(req.getParameter("amount")));
                    resp.getWriter().print("OK " + r.reference() + " " + r.replayed());
                }
                case "/order" -> {
                    verifications.verified("crash-soak", req.getParameter("account"));
                    OrderReceipt r = securities.placeOrder(OperationContext.ivr("crash-soak", req.getParameter("key")),
                            req.getParameter("account"), Side.valueOf(req.getParameter("side")), req.getParameter("code"),
                            new BigDecimal(req.getParameter("price")), Long.parseLong(req.getParameter("qty")));
                    resp.getWriter().print("OK " + r.orderRef() + " " + r.replayed());
                }
                case "/setup" -> resp.getWriter().print(setup.prepare() ? "opened" : "present");
                case "/queues" -> {
                    StringBuilder b = new StringBuilder();
                    try (JMSContext ctx = jms.createContext()) {
                        for (String q : QUEUES) {
                            Queue queue = (Queue) new InitialContext().lookup("java:/jms/queue/kefu/" + q);
                            try (QueueBrowser browser = ctx.createBrowser(queue)) {
                                b.append(q).append('=').append(Collections.list(browser.getEnumeration()).size()).append('\n');
                            }
                        }
                    }
                    resp.getWriter().print(b);
                }
                default -> resp.sendError(404);
            }
        } catch (BankingException e) {
            resp.setStatus(409);
            resp.getWriter().print("REFUSED " + e.getError() + " " + oneLine(e.getMessage()));
        } catch (SecuritiesException e) {
            resp.setStatus(409);
            resp.getWriter().print("REFUSED " + e.getError() + " " + oneLine(e.getMessage()));
        } catch (Exception e) {
            resp.setStatus(500);
            resp.getWriter().print("FAILED " + oneLine(e.toString()));
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ");
    }
}
