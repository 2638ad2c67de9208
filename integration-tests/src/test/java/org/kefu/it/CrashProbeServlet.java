package org.kefu.it;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Queue;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.TransactionManager;
import org.kefu.banking.BankingService;
import org.kefu.banking.OperationContext;
import org.kefu.banking.Receipt;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * The crash-recovery probe's window into the server, driven over HTTP by CrashRecoveryIT (which
 * runs outside, because the server dies under it):
 * {@code /crash?from&to&amount&key} runs a transfer in a transaction whose first participant is
 * {@link HaltOnCommitTestHook}; {@code /transfer?…} runs the same transfer normally (a retry);
 * {@code /messages?ref} takes the back-office messages for a reference off the queue and counts them.
 */
@WebServlet("/*")
public class CrashProbeServlet extends HttpServlet {

    @EJB(lookup = "java:global/kefu/kefu-ejb/BankingServiceBean!org.kefu.banking.BankingService")
    private BankingService banking;

    /** A money operation from a call needs the caller's PIN verified in that call (issue 14): the probe grants it. */
    @EJB(lookup = "java:global/kefu/kefu-ejb/CallerVerifications!org.kefu.banking.CallerVerifications")
    private org.kefu.banking.CallerVerifications verifications;

    @Resource(lookup = "java:/TransactionManager")
    private TransactionManager tm;

    @Resource(lookup = "java:/ConnectionFactory")
    private ConnectionFactory jms;

    @Resource(lookup = "java:/jms/queue/kefu/backoffice/out")
    private Queue out;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/plain");
        try {
            switch (req.getPathInfo()) {
                case "/crash" -> {
                    tm.begin();
                    tm.getTransaction().enlistResource(new HaltOnCommitTestHook());
                    transfer(req);
                    tm.commit();
                    resp.getWriter().print("survived"); // never reached
                }
                case "/transfer" -> {
                    Receipt r = transfer(req);
                    resp.getWriter().print(r.reference() + " replayed=" + r.replayed());
                }
                case "/messages" -> resp.getWriter().print(BankingFixtures.drain(jms, out, req.getParameter("ref")).size());
                default -> resp.sendError(404);
            }
        } catch (Exception e) {
            resp.sendError(500, e.toString());
        }
    }

    private Receipt transfer(HttpServletRequest req) throws Exception {
        verifications.verified("crash-test", req.getParameter("from"));
        return banking.transfer(OperationContext.ivr("crash-test", req.getParameter("key")),
                req.getParameter("from"), req.getParameter("to"), new BigDecimal(req.getParameter("amount")));
    }
}
