package cn.lianxin.citizen;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.springframework.stereotype.Component;

/**
 * Jackson module (Spring Boot adds every module bean to its mapper) that fails on an unknown field
 * of a {@link RefusesUnknownFields} body, as {@code FAIL_ON_UNKNOWN_PROPERTIES} would. That
 * feature stays off for the application as a whole: other bodies (Tasklist's and the cockpit's)
 * may carry fields the platform does not read.
 */
@Component
class StrictRequestBodies extends SimpleModule {

    public StrictRequestBodies() {
        super("lianxin-strict-request-bodies");
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.addDeserializationProblemHandler(new DeserializationProblemHandler() {
            @Override
            public boolean handleUnknownProperty(
                    DeserializationContext ctxt,
                    JsonParser p,
                    JsonDeserializer<?> deserializer,
                    Object beanOrClass,
                    String propertyName)
                    throws java.io.IOException {
                Class<?> type = beanOrClass instanceof Class<?> c ? c : beanOrClass.getClass();
                if (RefusesUnknownFields.class.isAssignableFrom(type)) {
                    // names the field in its path, which the problem answer lists (ApiErrors)
                    throw UnrecognizedPropertyException.from(
                            p, beanOrClass, propertyName, deserializer.getKnownPropertyNames());
                }
                return false;
            }
        });
    }
}
