package org.kefu.bench.xa;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.kefu.banking.BankingService;
import org.kefu.banking.OperationContext;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code GET /xa-bench/run?mode=xa|xa2|local|service&n=2000&clients=8}: N transfers of 1.00 by M
 * concurrent clients, each client between its own two accounts (back and forth, so that lock
 * waits between clients do not blur the comparison), and prints one line with the figures.
 * {@code mode=service} is the real {@code BankingService.transfer} (JPA, limits, payee check,
 * journal and event, 2PC), and {@code mode=xa2} the XA transfer without its message (two
 * resources), both for information.
 */
@WebServlet("/run")
public class BenchServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final BigDecimal ONE = new BigDecimal("1.00");

    @EJB
    private TransferBench bench;

    @EJB(lookup = "java:global/kefu/kefu-ejb/CallerVerifications!org.kefu.banking.CallerVerifications")
    private org.kefu.banking.CallerVerifications verifications;

    @EJB(lookup = "java:global/kefu/kefu-ejb/BankingServiceBean!org.kefu.banking.BankingService")
    private BankingService banking;

    /**
     * One thread per client, made by the container (security and naming context as for a request).
     * Not the default managed executor: its pool has a handful of threads, so the requested number
     * of clients silently became about five, which starved the latency-bound XA mode and not the
     * CPU-bound local one.
     */
    @Resource
    private ManagedThreadFactory threads;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String mode = req.getParameter("mode");
        int n = Integer.parseInt(req.getParameter("n"));
        int clients = Integer.parseInt(req.getParameter("clients"));
        if (!List.of("xa", "xa2", "local", "service").contains(mode) || n < clients || clients < 1 || clients > 64) {
            resp.sendError(400, "mode=xa|xa2|local|service, n >= clients, 1 <= clients <= 64");
            return;
        }
        String prefix = "B" + Long.toString(System.nanoTime(), 36).toUpperCase() + "-";
        try {
            bench.prepare(prefix, clients);
        } catch (Exception e) {
            resp.sendError(500, "prepare: " + e);
            return;
        }
        AtomicLong failures = new AtomicLong();
        List<Thread> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            String a = prefix + c + "A";
            String b = prefix + c + "B";
            int share = n / clients + (c < n % clients ? 1 : 0);
            Thread client = threads.newThread(() -> {
                for (int i = 0; i < share; i++) {
                    String from = i % 2 == 0 ? a : b;
                    String to = i % 2 == 0 ? b : a;
                    String key = "bench-" + UUID.randomUUID();
                    try {
                        switch (mode) {
                            case "xa" -> bench.xa(from, to, ONE, key);
                            case "xa2" -> bench.xaNoMessage(from, to, ONE, key);
                            case "local" -> bench.local(from, to, ONE, key);
                            default -> {
                                // The bench stands in for a caller who proved the PIN (issue 14 item 8).
                                verifications.verified("bench", from);
                                banking.transfer(OperationContext.ivr("bench", key), from, to, ONE);
                            }
                        }
                    } catch (Exception e) {
                        if (failures.incrementAndGet() <= 3) {
                            log("transfer failed: " + e);
                        }
                    }
                }
            });
            running.add(client);
        }
        long start = System.nanoTime();
        running.forEach(Thread::start);
        for (Thread t : running) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                resp.sendError(500, "interrupted");
                return;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        resp.setContentType("text/plain");
        resp.getWriter().printf("mode=%s n=%d clients=%d seconds=%.2f tps=%.1f failures=%d%n",
                mode, n, clients, seconds, (n - failures.get()) / seconds, failures.get());
    }
}
