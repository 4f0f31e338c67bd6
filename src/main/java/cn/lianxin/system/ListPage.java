package cn.lianxin.system;

import cn.lianxin.system.ApiProblemException.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list of the platform's API: {@code {"items": [...], "size": 20, "hasMore": true}}
 * plus {@code page} for numbered pages ({@code ?page=0&size=20}) or {@code next} for pages that go
 * on after a row ({@code ?before=…&size=20}: {@code next} is the {@code before} of the following
 * page). A list never counts all its rows — that count grows with the table — so a page fetches one
 * row more than it shows to know whether another follows.
 */
public record ListPage<T>(List<T> items, Integer page, int size, boolean hasMore, String next) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /** Deeper numbered pages are refused: their offset is work the database redoes for every page. */
    public static final int MAX_PAGE = 10_000;

    /** A numbered page a request asked for, already checked. */
    public record Numbered(int page, int size) {

        /** Rows before the page. */
        public int offset() {
            return page * size;
        }

        /** Rows to fetch: one more than the page shows. */
        public int fetch() {
            return size + 1;
        }
    }

    /**
     * The numbered page of {@code ?page=&size=} (defaults 0 and {@link #DEFAULT_SIZE}); a value out
     * of range is a 400 naming the parameter.
     */
    public static Numbered numbered(Integer page, Integer size) {
        List<FieldError> problems = new ArrayList<>();
        if (page != null && (page < 0 || page > MAX_PAGE)) {
            problems.add(new FieldError("page", "应为 0 到 " + MAX_PAGE + " 之间的整数（从 0 开始）"));
        }
        sizeProblem(size).ifPresent(problems::add);
        if (!problems.isEmpty()) {
            throw ApiProblemException.invalid(problems);
        }
        return new Numbered(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    /** The size of {@code ?size=} (default {@link #DEFAULT_SIZE}); out of range is a 400 naming it. */
    public static int size(Integer size) {
        sizeProblem(size).ifPresent(problem -> {
            throw ApiProblemException.invalid(List.of(problem));
        });
        return size == null ? DEFAULT_SIZE : size;
    }

    /** A numbered page from the rows fetched for it (at most {@link Numbered#fetch()}). */
    public static <T> ListPage<T> of(List<T> fetched, Numbered request) {
        boolean more = fetched.size() > request.size();
        return new ListPage<>(
                more ? List.copyOf(fetched.subList(0, request.size())) : List.copyOf(fetched),
                request.page(),
                request.size(),
                more,
                null);
    }

    /**
     * A page that goes on after a row, from the rows fetched for it (at most {@code size + 1});
     * {@code key} gives the {@code before} of the row a following page starts after.
     */
    public static <T> ListPage<T> after(List<T> fetched, int size, Function<T, String> key) {
        boolean more = fetched.size() > size;
        List<T> shown = more ? List.copyOf(fetched.subList(0, size)) : List.copyOf(fetched);
        return new ListPage<>(shown, null, size, more, more ? key.apply(shown.get(shown.size() - 1)) : null);
    }

    /** The same page with its items turned into others, one for one. */
    public <R> ListPage<R> map(Function<T, R> each) {
        return withItems(items.stream().map(each).toList());
    }

    /** The same page showing these items instead (as many, in the same order). */
    public <R> ListPage<R> withItems(List<R> replaced) {
        return new ListPage<>(List.copyOf(replaced), page, size, hasMore, next);
    }

    private static java.util.Optional<FieldError> sizeProblem(Integer size) {
        return size != null && (size < 1 || size > MAX_SIZE)
                ? java.util.Optional.of(new FieldError("size", "应为 1 到 " + MAX_SIZE + " 之间的整数"))
                : java.util.Optional.empty();
    }
}
