package dev.scripttracker.cli;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Modifier.Keyword;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.Name;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.utils.StringEscapeUtils;
import java.util.List;

/** The source of a new script: compiles with the processor as is, and fails loudly until it is written. */
final class ScriptSkeleton {

    private ScriptSkeleton() {
    }

    static String of(String packageName, String className, String id, String description) {
        return of(packageName, className, id, description, List.of());
    }

    /** @param parameters the components of a parameters record; none: the script declares no record */
    static String of(String packageName, String className, String id, String description,
            List<ParameterSpec> parameters) {
        CompilationUnit unit = packageName.isEmpty() ? new CompilationUnit() : new CompilationUnit(packageName);
        if (!parameters.isEmpty()) {
            unit.addImport("dev.scripttracker.Param");
        }
        unit.addImport("dev.scripttracker.Script");
        unit.addImport("dev.scripttracker.ScriptContext");
        unit.addImport("dev.scripttracker.TrackedScript");
        parameters.stream().flatMap(ParameterSpec::imports).distinct().sorted().forEach(unit::addImport);
        ClassOrInterfaceDeclaration type = unit.addClass(className, Keyword.PUBLIC);
        type.setJavadocComment(javadocText(description).replaceAll("\\.+$", "") + ".\n\n"
                + "<p>Prerequisites: what must be true before this runs (a deployment, a migration, a feature flag).\n\n"
                + "<p>Rollback plan: how to undo it. If SQL can undo it, write it in rollback(ScriptContext) below;\n"
                + "otherwise say who to call and what to restore.");
        NodeList<MemberValuePair> values = NodeList.nodeList(
                new MemberValuePair("id", new StringLiteralExpr(StringEscapeUtils.escapeJava(id))),
                new MemberValuePair("description", new StringLiteralExpr(StringEscapeUtils.escapeJava(description))));
        if (!parameters.isEmpty()) {
            values.add(new MemberValuePair("parameters", new ClassExpr(StaticJavaParser.parseClassOrInterfaceType(
                    className + ".Params"))));
            type.addMember(record(parameters));
        }
        type.addAnnotation(new NormalAnnotationExpr(new Name("TrackedScript"), values));
        type.addImplementedType("Script");
        type.addMethod("run", Keyword.PUBLIC).addMarkerAnnotation("Override")
                .addParameter("ScriptContext", "ctx").setBody(body("""
                        {
                            %s// The work, in one transaction with its success record: ctx.handle() (JDBI), ctx.connection(),
                            // ctx.log("...", args), ctx.skipIf(nothingToDo, "why"), ctx.progress(done, total).
                            throw new UnsupportedOperationException("script %s is not written yet");
                        }""".formatted(parameters.isEmpty() ? "" : "Params parameters = ctx.parameters(Params.class);\n",
                        StringEscapeUtils.escapeJava(id))));
        type.addMethod("rollback", Keyword.PUBLIC).addParameter("ScriptContext", "ctx").setBody(body("""
                {
                    // Undo run(ctx) here, or delete this method if it cannot be undone in SQL.
                    throw new UnsupportedOperationException("the rollback of script %s is not written yet");
                }""".formatted(StringEscapeUtils.escapeJava(id))));
        return unit.toString();
    }

    /** {@code public record Params(@Param(description = "") String tenant, ...) {}}, checked before each run. */
    private static RecordDeclaration record(List<ParameterSpec> parameters) {
        RecordDeclaration record = new RecordDeclaration(NodeList.nodeList(Modifier.publicModifier()), "Params");
        record.setJavadocComment("The script's parameters, given as --param NAME=VALUE and checked before it runs.\n"
                + "@Param(secret = true, env = \"VARIABLE\") keeps a value out of every output; 'status ID' lists them.");
        for (ParameterSpec spec : parameters) {
            NodeList<MemberValuePair> values = NodeList.nodeList(new MemberValuePair("description",
                    new StringLiteralExpr("")));
            spec.defaultValue().ifPresent(value -> values.add(new MemberValuePair("defaultValue",
                    new StringLiteralExpr(StringEscapeUtils.escapeJava(value)))));
            Parameter component = new Parameter(StaticJavaParser.parseType(spec.type()), spec.name());
            component.addAnnotation(new NormalAnnotationExpr(new Name("Param"), values));
            record.addParameter(component);
        }
        return record;
    }

    /**
     * The description as Javadoc text: {@code *}{@code /} would end the comment, a backslash could start
     * a Unicode escape that javac reads before anything else ({@code \}{@code u002a/}), {@code @} would
     * start a tag and {@code <} or {@code &} HTML, so each is written as an HTML character reference.
     */
    private static String javadocText(String description) {
        return description.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("*/", "*&#47;")
                .replace("\\", "&#92;").replace("@", "&#64;");
    }

    private static BlockStmt body(String block) {
        return StaticJavaParser.parseBlock(block);
    }
}
