package org.kefu.bench.soak.tool;

import org.kefu.bench.soak.SoakPlan;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The crash soak's client side, run outside the server (bench/crash-soak.sh kills the server
 * under it). Needs the JDK and, for {@code check}, the PostgreSQL JDBC driver on the class path.
 * <pre>
 * load  URL RECORDS LABEL CLIENTS ORDER_PERCENT SEED MAX_SECONDS
 *       CLIENTS threads send transfers and orders, each with a key of its own, until the server
 *       stops answering (or MAX_SECONDS), and append one line per request to RECORDS.
 * retry URL RECORDS OUT
 *       sends again, with the same key, every request of RECORDS whose outcome the client never
 *       learnt (the connection broke), as the IVR retries after a failure; appends to OUT.
 * check RECORDS_DIR URL
 *       the invariants (see bench/README.md), one line per check, exit 1 on any violation.
 * check RECORDS_DIR --converge SECONDS
 *       only waits (at most SECONDS) until every committed operation's back-office message has
 *       arrived, every order is answered and no transaction is prepared (exit 3 if not).
 * </pre>
 * Records are tab-separated: label, client, attempt (first|retry), key, op (TRANSFER|ORDER),
 * parameters (comma-separated), outcome (OK|REFUSED|FAILED|UNKNOWN), detail, milliseconds.
 * Database: -Dsoak.jdbc (default jdbc:postgresql://127.0.0.1:5432/), -Dsoak.kefuDb, -Dsoak.ledgerDb,
 * -Dsoak.user, password from KEFU_DB_PASSWORD.
 */
public final class SoakTool {

    private SoakTool() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        switch (args[0]) {
            case "load" -> {
                if (args.length != 8) {
                    usage();
                }
                load(args[1], Path.of(args[2]), args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]),
                        Long.parseLong(args[6]), Integer.parseInt(args[7]));
            }
            case "retry" -> {
                if (args.length != 4) {
                    usage();
                }
                retry(args[1], Path.of(args[2]), Path.of(args[3]));
            }
            case "check" -> {
                if (args.length == 4 && args[2].equals("--converge")) {
                    System.exit(converge(Integer.parseInt(args[3])));
                }
                if (args.length != 3) {
                    usage();
                }
                System.exit(check(Path.of(args[1]), args[2]));
            }
            default -> usage();
        }
    }

    private static void usage() {
        System.err.println("usage: SoakTool load URL RECORDS LABEL CLIENTS ORDER_PERCENT SEED MAX_SECONDS"
                + " | retry URL RECORDS OUT | check RECORDS_DIR URL | check RECORDS_DIR --converge SECONDS");
        System.exit(2);
    }

    // ------------------------------------------------------------------------------------ load

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** One request: what was asked, and how the client saw it end. */
    record Request(String label, int client, String attempt, String key, String op, String params) {

        String path() {
            String[] p = params.split(",");
            return op.equals("TRANSFER")
                    ? "transfer?key=" + enc(key) + "&from=" + p[0] + "&to=" + p[1] + "&amount=" + p[2]
                    : "order?key=" + enc(key) + "&account=" + p[0] + "&side=" + p[1] + "&code=" + p[2] + "&price=" + p[3] + "&qty=" + p[4];
        }

        String line(String outcome, String detail, long millis) {
            return String.join("\t", label, Integer.toString(client), attempt, key, op, params, outcome,
                    detail.replace('\t', ' ').replace('\n', ' '), Long.toString(millis));
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The outcome of one request as the client saw it; null when it never reached the server. */
    private static String[] send(String url, Request r) {
        // POST, never GET: the JDK client silently sends an idempotent request again when its
        // connection breaks, and that second try (refused by a dead server) would hide the first.
        HttpRequest req = HttpRequest.newBuilder(URI.create(url + "/" + r.path())).timeout(Duration.ofSeconds(90))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        try {
            HttpResponse<String> resp = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
            String body = resp.body().strip();
            if (resp.statusCode() == 200 && body.startsWith("OK ")) {
                return new String[] {"OK", body.substring(3)};
            }
            if (resp.statusCode() == 409 && body.startsWith("REFUSED ")) {
                return new String[] {"REFUSED", body.substring(8)};
            }
            return new String[] {"FAILED", resp.statusCode() + " " + body};
        } catch (ConnectException | HttpConnectTimeoutException notConnected) {
            return null; // never sent: the server was gone already
        } catch (IOException broken) {
            return new String[] {"UNKNOWN", broken.toString()};
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new String[] {"UNKNOWN", "interrupted"};
        }
    }

    private static void load(String url, Path records, String label, int clients, int orderPercent, long seed, int maxSeconds)
            throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(maxSeconds).toNanos();
        String run = Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36);
        Map<String, AtomicLong> counts = new TreeMap<>();
        for (String o : List.of("OK", "REFUSED", "FAILED", "UNKNOWN")) {
            counts.put(o, new AtomicLong());
        }
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(records, StandardOpenOption.CREATE, StandardOpenOption.APPEND))) {
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                Random random = new Random(seed * 1_000 + c);
                threads.add(new Thread(() -> {
                    for (int seq = 0; System.nanoTime() < until; seq++) {
                        String key = SoakPlan.KEY_PREFIX + run + "-" + label + "-" + client + "-" + seq;
                        Request r = random.nextInt(100) < orderPercent ? order(random, label, client, key) : transfer(random, label, client, key);
                        long t0 = System.nanoTime();
                        String[] outcome = send(url, r);
                        if (outcome == null) {
                            return; // the server is down: this client is done
                        }
                        String line = r.line(outcome[0], outcome[1], (System.nanoTime() - t0) / 1_000_000);
                        synchronized (out) {
                            out.println(line);
                            out.flush();
                        }
                        counts.get(outcome[0]).incrementAndGet();
                        if (outcome[0].equals("UNKNOWN")) {
                            return; // the connection broke: the server died under this request
                        }
                    }
                }, "soak-client-" + c));
            }
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join();
            }
        }
        System.out.println("load " + label + ": " + counts.toString().replaceAll("[{}]", ""));
    }

    private static Request transfer(Random random, String label, int client, String key) {
        List<String> a = SoakPlan.ACCOUNTS;
        int from = random.nextInt(a.size());
        int to = (from + 1 + random.nextInt(a.size() - 1)) % a.size();
        BigDecimal amount = BigDecimal.valueOf(1 + random.nextInt(50_000), 2); // 0.01 to 500.00
        return new Request(label, client, "first", key, "TRANSFER", a.get(from) + "," + a.get(to) + "," + amount.toPlainString());
    }

    private static Request order(Random random, String label, int client, String key) {
        String account = SoakPlan.SEC_ACCOUNTS.get(random.nextInt(SoakPlan.SEC_ACCOUNTS.size()));
        int s = random.nextInt(SoakPlan.STOCKS.size());
        BigDecimal prev = SoakPlan.PREV_CLOSE.get(s);
        // Within ±5% of the previous close (the band is ±10%), in fen.
        long fen = prev.movePointRight(2).longValueExact();
        BigDecimal price = BigDecimal.valueOf(fen - fen / 20 + random.nextInt((int) (fen / 10) + 1), 2);
        // One order in twenty is of 99,900 shares, which the branch simulator rejects.
        long qty = random.nextInt(20) == 0 ? 99_900 : 100L * (1 + random.nextInt(5));
        String side = random.nextBoolean() ? "BUY" : "SELL";
        return new Request(label, client, "first", key, "ORDER",
                account + "," + side + "," + SoakPlan.STOCKS.get(s) + "," + price.toPlainString() + "," + qty);
    }

    // ----------------------------------------------------------------------------------- retry

    private static void retry(String url, Path records, Path out) throws Exception {
        int retried = 0;
        Map<String, Integer> outcomes = new TreeMap<>();
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardOpenOption.CREATE, StandardOpenOption.APPEND))) {
            for (Record rec : readRecords(records)) {
                if (!rec.outcome.equals("UNKNOWN")) {
                    continue;
                }
                Request r = new Request(rec.label, rec.client, "retry", rec.key, rec.op, rec.params);
                long t0 = System.nanoTime();
                String[] outcome = send(url, r);
                if (outcome == null) {
                    throw new IllegalStateException("retry of " + rec.key + ": the server does not answer");
                }
                w.println(r.line(outcome[0], outcome[1], (System.nanoTime() - t0) / 1_000_000));
                retried++;
                String o = outcome[0] + (outcome[0].equals("OK") ? (outcome[1].endsWith("true") ? " replayed" : " executed now") : "");
                outcomes.merge(o, 1, Integer::sum);
            }
        }
        System.out.println("retried " + retried + (outcomes.isEmpty() ? "" : ": " + outcomes.toString().replaceAll("[{}]", "")));
    }

    /** One line of the records. */
    record Record(String label, int client, String attempt, String key, String op, String params, String outcome, String detail) {

        /** OK: the reference the server answered with. */
        String reference() {
            return detail.split(" ")[0];
        }

        /** REFUSED: the error name. */
        String error() {
            return detail.split(" ")[0];
        }
    }

    private static List<Record> readRecords(Path file) throws IOException {
        List<Record> result = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            result.add(new Record(f[0], Integer.parseInt(f[1]), f[2], f[3], f[4], f[5], f[6], f[7]));
        }
        return result;
    }

    private static List<Record> readAllRecords(Path dir) throws IOException {
        List<Record> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".tsv")).sorted().toList()) {
                all.addAll(readRecords(p));
            }
        }
        return all;
    }

    // ----------------------------------------------------------------------------------- check

    private static Connection db(String name) throws SQLException {
        String url = System.getProperty("soak.jdbc", "jdbc:postgresql://127.0.0.1:5432/") + name;
        String password = System.getenv("KEFU_DB_PASSWORD");
        Connection c = DriverManager.getConnection(url, System.getProperty("soak.user", "postgres"), password == null ? "" : password);
        // One snapshot for every query of the check on this database.
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        c.setReadOnly(true);
        c.setAutoCommit(false);
        return c;
    }

    private static String kefuDb() {
        return System.getProperty("soak.kefuDb", "kefu_soak");
    }

    private static String ledgerDb() {
        return System.getProperty("soak.ledgerDb", "kefu_soak_ledger");
    }

    private static List<String[]> rows(Connection c, String sql) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                String[] r = new String[n];
                for (int i = 0; i < n; i++) {
                    r[i] = rs.getString(i + 1);
                }
                rows.add(r);
            }
        }
        return rows;
    }

    private static long prepared(Connection c) throws SQLException {
        return Long.parseLong(rows(c, "SELECT COUNT(*) FROM pg_prepared_xacts WHERE database IN ('" + kefuDb() + "', '" + ledgerDb() + "')").get(0)[0]);
    }

    /** The event types that report a soak operation. */
    private static final String TRANSFER_EVENT = "transfer.completed";
    private static final String FILLED_EVENT = "securities.order.filled";
    private static final String REJECTED_EVENT = "securities.order.rejected";

    /** Waits until nothing is owed any more: prepared transactions, unanswered orders, undelivered messages. */
    private static int converge(int seconds) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        String last = "";
        while (true) {
            try (Connection kefu = db(kefuDb()); Connection ledger = db(ledgerDb())) {
                long prepared = prepared(ledger);
                Set<String> transfers = new HashSet<>();
                for (String[] r : rows(kefu, "SELECT reference FROM operation_journal WHERE operation = 'TRANSFER' AND status = 'COMPLETED'")) {
                    transfers.add(r[0]);
                }
                long open = 0;
                Set<String> closed = new HashSet<>();
                for (String[] r : rows(ledger, "SELECT order_ref, status FROM sec_order WHERE account_id LIKE 'SOAK-%'")) {
                    if (r[1].equals("SUBMITTED")) {
                        open++;
                    } else {
                        closed.add(r[0]);
                    }
                }
                Set<String> delivered = new HashSet<>();
                for (String[] r : rows(ledger, "SELECT DISTINCT reference FROM soak_delivery WHERE kefu_type IN ('"
                        + TRANSFER_EVENT + "', '" + FILLED_EVENT + "', '" + REJECTED_EVENT + "')")) {
                    delivered.add(r[0]);
                }
                long missing = transfers.stream().filter(t -> !delivered.contains(t)).count()
                        + closed.stream().filter(o -> !delivered.contains(o)).count();
                last = "prepared=" + prepared + " open_orders=" + open + " undelivered=" + missing;
                if (prepared == 0 && open == 0 && missing == 0) {
                    System.out.println("converged: " + last);
                    return 0;
                }
            }
            if (System.nanoTime() > deadline) {
                System.out.println("not converged after " + seconds + " s: " + last);
                return 3;
            }
            Thread.sleep(500);
        }
    }

    /** The outcome of one check: its name, whether it passed, and what it saw. */
    private static final class Checks {
        final Map<String, List<String>> failures = new LinkedHashMap<>();
        final Map<String, String> info = new LinkedHashMap<>();

        void check(String name, String what) {
            failures.putIfAbsent(name, new ArrayList<>());
            info.merge(name, what, (a, b) -> a + "; " + b);
        }

        void fail(String name, String detail) {
            failures.computeIfAbsent(name, k -> new ArrayList<>()).add(detail);
        }

        boolean print() {
            boolean ok = true;
            for (Map.Entry<String, List<String>> e : failures.entrySet()) {
                List<String> f = e.getValue();
                String what = info.getOrDefault(e.getKey(), "");
                if (f.isEmpty()) {
                    System.out.println("PASS " + e.getKey() + ": " + what);
                } else {
                    ok = false;
                    System.out.println("FAIL " + e.getKey() + ": " + f.size() + " violation(s) [" + what + "]");
                    f.stream().limit(10).forEach(d -> System.out.println("     " + d));
                }
            }
            return ok;
        }
    }

    /** The journal keeps the payee's account masked (org.kefu.banking.CardNumbers). */
    private static String masked(String number) {
        return number.length() <= 8 ? "****"
                : number.substring(0, 4) + "*".repeat(number.length() - 8) + number.substring(number.length() - 4);
    }

    private static BigDecimal dec(String s) {
        return s == null ? BigDecimal.ZERO : new BigDecimal(s);
    }

    private static int check(Path recordsDir, String url) throws Exception {
        Checks c = new Checks();
        Map<String, String> figures = new LinkedHashMap<>();
        try (Connection kefu = db(kefuDb()); Connection ledger = db(ledgerDb())) {
            // ---- 1. balances: every account's balance is the sum of its postings
            String balances = "balances";
            Map<String, BigDecimal> balance = new HashMap<>();
            for (String[] r : rows(ledger, "SELECT account_number, balance FROM ledger_account")) {
                balance.put(r[0], dec(r[1]));
            }
            Map<String, BigDecimal> posted = new HashMap<>();
            for (String[] r : rows(ledger, "SELECT account_number, SUM(amount) FROM posting GROUP BY account_number")) {
                posted.put(r[0], dec(r[1]));
            }
            c.check(balances, balance.size() + " accounts, balance = sum of postings");
            for (Map.Entry<String, BigDecimal> e : balance.entrySet()) {
                BigDecimal p = posted.getOrDefault(e.getKey(), BigDecimal.ZERO);
                if (e.getValue().compareTo(p) != 0) {
                    c.fail(balances, e.getKey() + ": balance " + e.getValue() + " but postings sum to " + p);
                }
            }

            // ---- 2. money and shares are conserved
            String money = "money conserved";
            BigDecimal total = balance.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            c.check(money, "all balances sum to " + total);
            if (total.signum() != 0) {
                c.fail(money, "the balances of all accounts sum to " + total + ", not 0");
            }
            for (String[] r : rows(ledger, "SELECT movement_ref, SUM(amount) FROM posting GROUP BY movement_ref HAVING SUM(amount) <> 0")) {
                c.fail(money, "movement " + r[0] + " posts a net " + r[1]);
            }
            BigDecimal soak = SoakPlan.ACCOUNTS.stream().map(a -> balance.getOrDefault(a, BigDecimal.ZERO)).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal expected = SoakPlan.OPENING.multiply(BigDecimal.valueOf(SoakPlan.ACCOUNTS.size()));
            c.check(money, "transfer accounts hold " + soak + " (opened with " + expected + ")");
            if (soak.compareTo(expected) != 0) {
                c.fail(money, "the transfer accounts hold " + soak + ", opened with " + expected);
            }
            for (String[] r : rows(ledger, "SELECT stock_code, SUM(quantity) FROM sec_position GROUP BY stock_code HAVING SUM(quantity) <> 0")) {
                c.fail(money, "the positions in " + r[0] + " sum to " + r[1] + " shares, not 0");
            }
            c.check(money, "every movement and every stock sums to 0");

            // ---- 3. journal <-> postings, orders, holds
            String journal = "journal and postings";
            Map<String, String[]> journalByRef = new HashMap<>();
            Map<String, String[]> journalByKey = new HashMap<>();
            List<String[]> entries = rows(kefu, "SELECT idempotency_key, operation, account_number, counterparty, amount, status, reference "
                    + "FROM operation_journal");
            for (String[] r : entries) {
                journalByRef.put(r[6], r);
                journalByKey.put(r[0], r);
            }
            Map<String, List<String[]>> postingsByRef = new HashMap<>();
            for (String[] r : rows(ledger, "SELECT movement_ref, account_number, amount, movement_kind FROM posting "
                    + "WHERE movement_kind IN ('TRANSFER', 'SETTLEMENT', 'FEE')")) {
                postingsByRef.computeIfAbsent(r[0], k -> new ArrayList<>()).add(r);
            }
            int transfers = 0;
            for (String[] j : entries) {
                if (!j[1].equals("TRANSFER") || !j[5].equals("COMPLETED")) {
                    continue;
                }
                transfers++;
                List<String[]> ps = postingsByRef.getOrDefault(j[6], List.of());
                BigDecimal amount = dec(j[4]);
                boolean ok = ps.size() == 2 && ps.stream().allMatch(p -> p[3].equals("TRANSFER"))
                        && ps.stream().anyMatch(p -> p[1].equals(j[2]) && dec(p[2]).compareTo(amount.negate()) == 0)
                        && ps.stream().anyMatch(p -> masked(p[1]).equals(j[3]) && dec(p[2]).compareTo(amount) == 0);
                if (!ok) {
                    c.fail(journal, "transfer " + j[6] + " (key " + j[0] + ", " + j[2] + " -> " + j[3] + " " + j[4] + ") has "
                            + ps.size() + " posting(s): " + ps.stream().map(p -> p[1] + " " + p[2] + " " + p[3]).toList());
                }
            }
            Set<String> soakCash = new HashSet<>();
            SoakPlan.SEC_ACCOUNTS.forEach(s -> soakCash.add(SoakPlan.cashAccountOf(s)));
            Map<String, String[]> orders = new HashMap<>();
            for (String[] r : rows(ledger, "SELECT order_ref, account_id, side, status, protocol, idempotency_key FROM sec_order")) {
                orders.put(r[0], r);
            }
            for (Map.Entry<String, List<String[]>> e : postingsByRef.entrySet()) {
                for (String[] p : e.getValue()) {
                    if (p[3].equals("TRANSFER") && !journalByRef.containsKey(e.getKey())) {
                        c.fail(journal, "transfer posting " + p[1] + " " + p[2] + " of movement " + e.getKey() + " has no journal entry");
                    } else if (!p[3].equals("TRANSFER") && soakCash.contains(p[1])) {
                        String[] o = orders.get(e.getKey());
                        if (o == null || !o[3].equals("FILLED")) {
                            c.fail(journal, p[3] + " posting " + p[1] + " " + p[2] + " of " + e.getKey() + " but that order is "
                                    + (o == null ? "missing" : o[3]));
                        }
                    }
                }
            }
            c.check(journal, transfers + " committed transfers, each with its 2 postings, no posting without its entry");

            String orderCheck = "orders, holds and settlements";
            Map<String, List<String>> holds = new HashMap<>();
            for (String[] r : rows(ledger, "SELECT reference, status FROM account_hold WHERE reason = 'SECURITIES_BUY'")) {
                holds.computeIfAbsent(r[0], k -> new ArrayList<>()).add(r[1]);
            }
            Map<String, List<String>> shareHolds = new HashMap<>();
            for (String[] r : rows(ledger, "SELECT reference, status FROM sec_share_hold")) {
                shareHolds.computeIfAbsent(r[0], k -> new ArrayList<>()).add(r[1]);
            }
            Map<String, String[]> box = new HashMap<>();
            for (String[] r : rows(ledger, "SELECT order_ref, status, settled_at FROM branch_order_box")) {
                box.put(r[0], r);
            }
            Map<String, Integer> byStatus = new TreeMap<>();
            int soakOrders = 0;
            for (String[] o : orders.values()) {
                if (!o[1].startsWith("SOAK-")) {
                    continue;
                }
                soakOrders++;
                byStatus.merge(o[3], 1, Integer::sum);
                String ref = o[0];
                String[] j = journalByRef.get(ref);
                if (j == null || !j[1].equals(o[2].equals("BUY") ? "SECURITIES_BUY" : "SECURITIES_SELL") || !j[0].equals(o[5])) {
                    c.fail(orderCheck, "order " + ref + " (key " + o[5] + ") has no matching journal entry: " + (j == null ? "none" : String.join(" ", j)));
                }
                String holdWanted = switch (o[3]) {
                    case "FILLED" -> "SETTLED";
                    case "REJECTED" -> "RELEASED";
                    default -> "ACTIVE";
                };
                List<String> h = (o[2].equals("BUY") ? holds : shareHolds).getOrDefault(ref, List.of());
                if (h.size() != 1 || !h.get(0).equals(holdWanted)) {
                    c.fail(orderCheck, o[2] + " order " + ref + " is " + o[3] + " with hold(s) " + h + ", expected [" + holdWanted + "]");
                }
                int settlement = (int) postingsByRef.getOrDefault(ref, List.of()).stream().filter(p -> p[3].equals("SETTLEMENT")).count();
                int fee = (int) postingsByRef.getOrDefault(ref, List.of()).stream().filter(p -> p[3].equals("FEE")).count();
                int wanted = o[3].equals("FILLED") ? 2 : 0;
                if (settlement != wanted || fee != wanted) {
                    c.fail(orderCheck, "order " + ref + " is " + o[3] + " with " + settlement + " settlement and " + fee + " fee posting(s)");
                }
                String[] b = box.get(ref);
                if (o[4].equals("TABLE")) {
                    if (b == null) {
                        c.fail(orderCheck, "TABLE order " + ref + " has no row in branch_order_box");
                    } else if ((b[2] != null) != !o[3].equals("SUBMITTED")) {
                        c.fail(orderCheck, "TABLE order " + ref + " is " + o[3] + " but its box row is " + b[1] + " settled_at=" + b[2]);
                    }
                } else if (b != null) {
                    c.fail(orderCheck, "JMS order " + ref + " has a branch_order_box row");
                }
            }
            for (String[] j : entries) {
                if (j[1].startsWith("SECURITIES_") && !orders.containsKey(j[6])) {
                    c.fail(orderCheck, "journal entry " + j[0] + " (" + j[1] + ") has no order " + j[6]);
                }
            }
            c.check(orderCheck, soakOrders + " orders (" + byStatus.toString().replaceAll("[{}]", "") + "), each with its entry, hold and settlement");
            if (byStatus.getOrDefault("SUBMITTED", 0) > 0) {
                c.fail(orderCheck, byStatus.get("SUBMITTED") + " order(s) still unanswered after recovery");
            }
            figures.put("transfers_committed", Integer.toString(transfers));
            figures.put("orders_placed", Integer.toString(soakOrders));
            figures.put("orders_filled", Integer.toString(byStatus.getOrDefault("FILLED", 0)));
            figures.put("orders_rejected", Integer.toString(byStatus.getOrDefault("REJECTED", 0)));

            // ---- 4. idempotency keys: used once, and the client's view agrees with the databases
            String keys = "idempotency";
            for (String[] r : rows(kefu, "SELECT idempotency_key, COUNT(*) FROM operation_journal GROUP BY idempotency_key HAVING COUNT(*) > 1")) {
                c.fail(keys, "key " + r[0] + " journaled " + r[1] + " times");
            }
            for (String[] r : rows(kefu, "SELECT reference, COUNT(*) FROM operation_journal GROUP BY reference HAVING COUNT(*) > 1")) {
                c.fail(keys, "reference " + r[0] + " journaled " + r[1] + " times");
            }
            for (String[] r : rows(ledger, "SELECT idempotency_key, COUNT(*) FROM sec_order GROUP BY idempotency_key HAVING COUNT(*) > 1")) {
                c.fail(keys, "key " + r[0] + " placed " + r[1] + " orders");
            }
            List<Record> records = readAllRecords(recordsDir);
            Map<String, List<Record>> byKey = new LinkedHashMap<>();
            for (Record r : records) {
                byKey.computeIfAbsent(r.key, k -> new ArrayList<>()).add(r);
            }
            // First attempts before retries, whatever order the files were read in.
            byKey.values().forEach(l -> l.sort(java.util.Comparator.comparing(Record::attempt)));
            int ok = 0;
            int refused = 0;
            int failed = 0;
            int unknown = 0;
            int retried = 0;
            int replayed = 0;
            for (Map.Entry<String, List<Record>> e : byKey.entrySet()) {
                String key = e.getKey();
                String[] j = journalByKey.get(key);
                List<Record> attempts = e.getValue();
                if (attempts.stream().anyMatch(a -> a.attempt.equals("retry"))) {
                    retried++;
                }
                Record last = attempts.get(attempts.size() - 1);
                for (Record a : attempts) {
                    if (a.outcome.equals("OK")) {
                        if (a.detail.endsWith("true")) {
                            replayed++;
                        }
                        if (j == null) {
                            c.fail(keys, "the client was told " + key + " succeeded (" + a.detail + ") but it is not journaled: LOST");
                        } else if (!j[6].equals(a.reference())) {
                            c.fail(keys, "the client was told " + key + " is " + a.reference() + " but the journal says " + j[6]);
                        }
                    }
                }
                switch (last.outcome) {
                    case "OK" -> ok++;
                    case "REFUSED", "FAILED" -> {
                        if (last.outcome.equals("REFUSED")) {
                            refused++;
                        } else {
                            failed++;
                        }
                        if (j != null && attempts.stream().noneMatch(a -> a.outcome.equals("OK"))) {
                            c.fail(keys, "the client was told " + key + " " + last.outcome + " (" + last.detail + ") but it is journaled as " + j[6]);
                        }
                    }
                    default -> unknown++;
                }
            }
            Set<String> sent = byKey.keySet();
            for (String[] j : entries) {
                if (j[0].startsWith(SoakPlan.KEY_PREFIX) && !sent.contains(j[0])) {
                    c.fail(keys, "journaled key " + j[0] + " was never sent by a client");
                }
            }
            c.check(keys, "no key journaled or ordered twice; " + byKey.size() + " keys sent, finally " + ok + " OK, " + refused
                    + " refused, " + failed + " failed, " + unknown + " unknown; " + retried + " outcomes lost in a crash and retried ("
                    + replayed + " answered by replay: they had committed); every OK is journaled with the reference the client got, no refusal is");
            figures.put("keys_sent", Integer.toString(byKey.size()));
            figures.put("client_ok", Integer.toString(ok));
            figures.put("client_refused", Integer.toString(refused));
            figures.put("client_failed", Integer.toString(failed));
            figures.put("client_unknown_retried", Integer.toString(retried));
            figures.put("retries_replayed", Integer.toString(replayed));

            // ---- 5. prepared transactions
            String prepared = "pg_prepared_xacts";
            long p = prepared(ledger);
            c.check(prepared, p + " prepared transaction(s) in " + kefuDb() + " and " + ledgerDb());
            if (p != 0) {
                for (String[] r : rows(ledger, "SELECT database, gid, prepared FROM pg_prepared_xacts WHERE database IN ('" + kefuDb() + "', '" + ledgerDb() + "')")) {
                    c.fail(prepared, String.join(" ", r));
                }
            }

            // ---- 6. back office: each committed operation's message delivered exactly once
            String backOffice = "back-office messages";
            Map<String, List<String>> deliveries = new HashMap<>();
            int deliveryRows = 0;
            for (String[] r : rows(ledger, "SELECT reference, kefu_type FROM soak_delivery")) {
                deliveries.computeIfAbsent(r[0], k -> new ArrayList<>()).add(r[1]);
                deliveryRows++;
            }
            int missing = 0;
            int duplicated = 0;
            for (String[] j : entries) {
                if (j[1].equals("TRANSFER") && j[5].equals("COMPLETED")) {
                    long n = deliveries.getOrDefault(j[6], List.of()).stream().filter(TRANSFER_EVENT::equals).count();
                    if (n != 1) {
                        if (n == 0) {
                            missing++;
                        } else {
                            duplicated++;
                        }
                        c.fail(backOffice, "transfer " + j[6] + " (key " + j[0] + ") delivered " + n + " times");
                    }
                }
            }
            for (String[] o : orders.values()) {
                if (!o[1].startsWith("SOAK-")) {
                    continue;
                }
                List<String> d = deliveries.getOrDefault(o[0], List.of());
                long filled = d.stream().filter(FILLED_EVENT::equals).count();
                long rejected = d.stream().filter(REJECTED_EVENT::equals).count();
                long wantFilled = o[3].equals("FILLED") ? 1 : 0;
                long wantRejected = o[3].equals("REJECTED") ? 1 : 0;
                if (filled != wantFilled || rejected != wantRejected) {
                    if (filled + rejected < wantFilled + wantRejected) {
                        missing++;
                    } else {
                        duplicated++;
                    }
                    c.fail(backOffice, o[3] + " order " + o[0] + ": " + filled + " filled and " + rejected + " rejected message(s) delivered");
                }
            }
            int phantom = 0;
            for (Map.Entry<String, List<String>> e : deliveries.entrySet()) {
                for (String type : e.getValue()) {
                    boolean known = type != null && switch (type) {
                        case TRANSFER_EVENT -> journalByRef.containsKey(e.getKey()) && journalByRef.get(e.getKey())[1].equals("TRANSFER");
                        case FILLED_EVENT, REJECTED_EVENT -> orders.containsKey(e.getKey());
                        default -> true;
                    };
                    if (!known) {
                        phantom++;
                        c.fail(backOffice, "a " + type + " message for " + e.getKey() + ", which never committed");
                    }
                }
            }
            String queues = queues(url);
            for (String line : queues.split("\n")) {
                String[] kv = line.split("=");
                if (kv.length == 2 && kv[0].endsWith("DLQ") && !kv[1].equals("0")) {
                    c.fail(backOffice, kv[1] + " message(s) in the dead-letter queue " + kv[0]);
                }
            }
            c.check(backOffice, deliveryRows + " received; " + missing + " missing, " + duplicated + " duplicated, " + phantom
                    + " for uncommitted operations; queues " + queues.replace('\n', ' ').strip());
            figures.put("messages_received", Integer.toString(deliveryRows));
        }
        boolean ok = c.print();
        StringBuilder b = new StringBuilder("figures");
        figures.forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
        System.out.println(b);
        return ok ? 0 : 1;
    }

    private static String queues(String url) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/queues")).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? r.body() : "unavailable (" + r.statusCode() + ")";
        } catch (IOException | InterruptedException e) {
            return "unavailable (" + e + ")";
        }
    }
}
