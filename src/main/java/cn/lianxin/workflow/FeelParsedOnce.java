package cn.lianxin.workflow;

import camundajar.impl.scala.util.Either;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunctionTransformer;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.feel.FeelEngine$;
import org.camunda.feel.context.FunctionProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.valuemapper.ValueMapper;
import org.springframework.stereotype.Component;

/**
 * The DMN engine's FEEL, with each expression parsed once. Camunda 7.24's Scala FEEL engine parses a
 * decision table's every cell again on every evaluation: the triage suggestion at intake tests up to 90
 * cells, and the profile of the appeal lifecycle (docs/benchmarks.md) found FEEL's parser in 15% of the
 * platform's request time. Here the same engine (same functions, value mappers and configuration)
 * keeps what it parsed, by the expression's text, so evaluating is all that is left per case. A
 * parsed expression is an immutable syntax tree, safe to share between threads; parse failures are
 * kept too and answer the same failure as before. At most {@link #LIMIT} texts are kept, so a
 * designer's many deployments cannot grow it without end; beyond that an expression is parsed each
 * time, as Camunda does. (Written here because neither Camunda nor Scala FEEL offers a parse cache.)
 */
@Component
class FeelParsedOnce extends AbstractProcessEnginePlugin {

    /** The most expression texts kept (the demo models have about 150 cells). */
    static final int LIMIT = 10_000;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        DefaultDmnEngineConfiguration dmn = (DefaultDmnEngineConfiguration) configuration.getDmnEngineConfiguration();
        if (dmn == null) {
            dmn = (DefaultDmnEngineConfiguration)
                    org.camunda.bpm.dmn.engine.DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
            configuration.setDmnEngineConfiguration(dmn);
        }
        dmn.setFeelEngineFactory(new Factory(dmn));
    }

    /**
     * Builds the Scala FEEL engine as Camunda does, with {@link ParsingOnce} inside, when the DMN engine
     * is built — by then the engine's FEEL function providers are in the DMN configuration.
     */
    static final class Factory implements FeelEngineFactory {

        private final DefaultDmnEngineConfiguration dmn;

        Factory(DefaultDmnEngineConfiguration dmn) {
            this.dmn = dmn;
        }

        @Override
        public FeelEngine createInstance() {
            List<org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider> functions =
                    dmn.getFeelCustomFunctionProviders();
            return new ScalaFeelEngine(functions == null ? List.of() : functions) {
                @Override
                protected org.camunda.feel.FeelEngine buildFeelEngine(
                        CustomFunctionTransformer functionProvider, ValueMapper.CompositeValueMapper valueMapper) {
                    return new ParsingOnce(functionProvider, valueMapper, LIMIT);
                }
            };
        }
    }

    /**
     * Scala FEEL's engine, configured as Camunda's {@code ScalaFeelEngine} builds it (external functions
     * off), whose parsing remembers its results: its own {@code evalUnaryTests} and
     * {@code evalExpression} parse through these methods, then evaluate.
     */
    static final class ParsingOnce extends org.camunda.feel.FeelEngine {

        private final Map<String, Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression>> unaryTests =
                new ConcurrentHashMap<>();
        private final Map<String, Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression>> expressions =
                new ConcurrentHashMap<>();

        private final int limit;

        ParsingOnce(FunctionProvider functionProvider, ValueMapper valueMapper, int limit) {
            super(
                    functionProvider,
                    valueMapper,
                    new org.camunda.feel.FeelEngine.Configuration(false),
                    FeelEngine$.MODULE$.defaultClock());
            this.limit = limit;
        }

        @Override
        public Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression> parseUnaryTests(String expression) {
            return remembered(unaryTests, expression, super::parseUnaryTests, limit);
        }

        @Override
        public Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression> parseExpression(String expression) {
            return remembered(expressions, expression, super::parseExpression, limit);
        }

        private static Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression> remembered(
                Map<String, Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression>> parsed,
                String expression,
                Function<String, Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression>> parse,
                int limit) {
            Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression> known = parsed.get(expression);
            if (known != null) {
                return known;
            }
            Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression> fresh = parse.apply(expression);
            if (parsed.size() < limit) {
                parsed.putIfAbsent(expression, fresh);
            }
            return fresh;
        }
    }
}
