package org.kefu.acd;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * An EntityManager without a database, for the ACD beans' unit tests: {@code find} answers the
 * entities the test put in, {@code persist} and bulk statements are recorded, and a query answers
 * what {@link #answer} says for its text (an empty list, or null, otherwise). It does not read JPQL.
 */
public final class FakeEntityManager {

    private final Map<Class<?>, Map<Object, Object>> rows = new HashMap<>();
    final List<Object> persisted = new ArrayList<>();
    final List<Object> removed = new ArrayList<>();
    /** Each bulk statement run: its text and its parameters. */
    final List<String> statements = new ArrayList<>();
    private BiFunction<String, Map<Object, Object>, Object> answers = (jpql, parameters) -> null;

    public final EntityManager em = proxy(EntityManager.class, this::entityManager);

    <T> T put(Object id, T entity) {
        rows.computeIfAbsent(entity.getClass(), k -> new HashMap<>()).put(id, entity);
        return entity;
    }

    /** How queries answer: a result list for getResultList, a value for getSingleResult. */
    public void answer(BiFunction<String, Map<Object, Object>, Object> answers) {
        this.answers = answers;
    }

    /** The ACD event log lines written, of one type (AcdEvent.OFFER ...). */
    List<AcdEvent> events(String type) {
        return persisted.stream().filter(AcdEvent.class::isInstance).map(AcdEvent.class::cast)
                .filter(e -> e.getType().equals(type)).toList();
    }

    private Object entityManager(Method method, Object[] args) {
        switch (method.getName()) {
            case "find" -> {
                return rows.getOrDefault((Class<?>) args[0], Map.of()).get(args[1]);
            }
            case "persist" -> {
                persisted.add(args[0]);
                return null;
            }
            case "remove" -> {
                removed.add(args[0]);
                return null;
            }
            case "flush" -> {
                return null;
            }
            case "createQuery", "createNativeQuery" -> {
                return query((String) args[0]);
            }
            default -> throw new UnsupportedOperationException("FakeEntityManager." + method.getName());
        }
    }

    private TypedQuery<?> query(String text) {
        Map<Object, Object> parameters = new LinkedHashMap<>();
        TypedQuery<?>[] self = new TypedQuery<?>[1];
        self[0] = proxy(TypedQuery.class, (method, args) -> switch (method.getName()) {
            case "setParameter" -> {
                parameters.put(args[0], args[1]);
                yield self[0];
            }
            case "getResultList" -> {
                Object answer = answers.apply(text, parameters);
                yield answer == null ? List.of() : answer;
            }
            case "getSingleResult" -> answers.apply(text, parameters);
            case "executeUpdate" -> {
                statements.add(text + " " + parameters);
                yield 0;
            }
            default -> throw new UnsupportedOperationException("FakeEntityManager query." + method.getName());
        });
        return self[0];
    }

    private interface Handler {
        Object handle(Method method, Object[] args);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Handler handler) {
        InvocationHandler h = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "Fake" + type.getSimpleName();
                };
            }
            return handler.handle(method, args);
        };
        return (T) Proxy.newProxyInstance(FakeEntityManager.class.getClassLoader(), new Class<?>[] {type}, h);
    }
}
