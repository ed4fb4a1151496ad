package dev.scripttracker.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.scripttracker.processor.Compilations.compile;
import static dev.scripttracker.processor.Compilations.script;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The parameters record: every rule a compile error on the component, located on the offending value. */
class ParameterRuleErrorsTest {

    /** A Script in com.acme whose parameters record has these components. */
    private static JavaFileObject withParameters(String... components) {
        String[] body = new String[components.length + 6];
        body[0] = "public class Refund implements Script {";
        body[1] = "    public enum Mode { PREVIEW, APPLY }";
        body[2] = "    public record Params(";
        System.arraycopy(components, 0, body, 3, components.length);
        body[components.length + 3] = "    ) {}";
        body[components.length + 4] = "    @Override public void run(ScriptContext ctx) {}";
        body[components.length + 5] = "}";
        return script("Refund", "import java.util.*; import java.time.*; import java.math.*; import java.nio.file.*;\n"
                + "@TrackedScript(id = \"001_refund\", parameters = Refund.Params.class)", body);
    }

    @Test
    void recordOfSupportedTypes_compilesWithoutWarnings() {
        JavaFileObject source = withParameters(
                "        @Param(description = \"tenant\") String tenant,",
                "        @Param(defaultValue = \"100\", identifying = false) int limit,",
                "        @Param(secret = true, env = \"REFUND_TOKEN\") String token,",
                "        Optional<LocalDate> from, Long big, Boolean flag, BigDecimal amount, Instant at,",
                "        @Param(defaultValue = \"PT5M\") Duration pause, UUID ref, Path file,",
                "        @Param(defaultValue = \"APPLY\") Mode mode, @Param(defaultValue = \"1,2\") List<Integer> ids,",
                "        Optional<List<String>> tags, @Param(required = false) Integer max");

        assertThat(compile(source)).succeededWithoutWarnings();
    }

    @Test
    void unsupportedType_isAnErrorOnTheComponent() {
        JavaFileObject source = withParameters("        String tenant,", "        Date since");

        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[TrackedScript.unsupportedParameterType] parameter 'since' of"
                + " script com.acme.Refund has type java.util.Date, which script-tracker cannot parse from --param"
                + " text; use String, int, long").inFile(source).onLineContaining("Date since");
    }

    @Test
    void listOfLists_orOptionalPrimitive_isUnsupported() {
        JavaFileObject source = withParameters("        List<List<String>> nested,", "        Optional<int[]> raw");

        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining("parameter 'nested'").inFile(source).onLineContaining("nested");
        assertThat(compilation).hadErrorContaining("parameter 'raw'").inFile(source).onLineContaining("raw");
    }

    @Test
    void duplicateName_isAnErrorOnTheSecondComponentsName() {
        JavaFileObject source = withParameters("        String tenant,", "        @Param(name = \"tenant\") String other");

        assertThat(compile(source)).hadErrorContaining("[TrackedScript.duplicateParameter] parameter 'tenant' of"
                + " script com.acme.Refund is declared twice (also by component tenant of com.acme.Refund.Params)")
                .inFile(source).onLineContaining("name = \"tenant\"");
    }

    @Test
    void nameThatParamCannotPass_isAnError() {
        JavaFileObject source = withParameters("        @Param(name = \"my tenant\") String tenant");

        assertThat(compile(source)).hadErrorContaining("[TrackedScript.badParameterName] parameter 'my tenant' of"
                + " script com.acme.Refund has a name that --param cannot pass").inFile(source)
                .onLineContaining("my tenant");
    }

    @Test
    void defaultThatDoesNotParse_isAnErrorOnTheDefault() {
        JavaFileObject source = withParameters("        @Param(defaultValue = \"ten\") int limit,",
                "        @Param(defaultValue = \"apply\") Mode mode,",
                "        @Param(defaultValue = \"1,x\") List<Long> ids");

        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorCount(3);
        assertThat(compilation).hadErrorContaining("[TrackedScript.badParameterDefault] parameter 'limit' of script"
                + " com.acme.Refund has the default \"ten\", which is not a int (int)")
                .inFile(source).onLineContaining("\"ten\"");
        assertThat(compilation).hadErrorContaining("has the default \"apply\", which is not one of PREVIEW, APPLY")
                .inFile(source).onLineContaining("\"apply\"");
        assertThat(compilation).hadErrorContaining("has the default \"1,x\", which is not a Long")
                .inFile(source).onLineContaining("\"1,x\"");
    }

    @Test
    void secretWithDefault_isAnErrorOnTheDefault() {
        JavaFileObject source = withParameters("        @Param(secret = true, defaultValue = \"hunter2\") String token");

        assertThat(compile(source)).hadErrorContaining("[TrackedScript.secretWithDefault] parameter 'token' of script"
                + " com.acme.Refund is secret and has a default").inFile(source).onLineContaining("hunter2");
    }

    @Test
    void requiredWrittenWithADefault_isAnErrorOnRequired() {
        JavaFileObject source = withParameters("        @Param(required = true, defaultValue = \"5\") int limit");

        assertThat(compile(source)).hadErrorContaining("[TrackedScript.requiredWithDefault] parameter 'limit' of script"
                + " com.acme.Refund is required = true and has a default").inFile(source)
                .onLineContaining("required = true");
    }

    @Test
    void optionalPrimitiveWithoutDefault_isAnErrorOnRequired() {
        JavaFileObject source = withParameters("        @Param(required = false) long max");

        assertThat(compile(source)).hadErrorContaining("[TrackedScript.optionalPrimitive] parameter 'max' of script"
                + " com.acme.Refund is required = false but of primitive type long").inFile(source)
                .onLineContaining("required = false");
    }
}
