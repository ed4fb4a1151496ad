package dev.scripttracker.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.scripttracker.Progress;
import dev.scripttracker.ParameterDeclaration;
import dev.scripttracker.ParameterDeclarations;
import dev.scripttracker.ScriptState;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;

/**
 * The status for programs: {@code {"scripts": [...]}}, one object per script, every field present
 * (null when unknown), timestamps in ISO-8601 UTC.
 */
final class StatusJson {

    private StatusJson() {
    }

    /** @param parameters the declarations of the one script listed, written as its {@code parameters}; or null */
    static void write(List<ScriptState> states, Writer out, ParameterDeclarations parameters) throws IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(nonClosing(out)).useDefaultPrettyPrinter()) {
            json.writeStartObject();
            json.writeArrayFieldStart("scripts");
            for (ScriptState state : states) {
                write(state, json, parameters);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        out.write(System.lineSeparator());
    }

    private static void write(ScriptState state, JsonGenerator json, ParameterDeclarations parameters)
            throws IOException {
        json.writeStartObject();
        json.writeStringField("id", state.id());
        json.writeStringField("status", state.status().label());
        json.writeStringField("description", state.definition().map(d -> d.description()).orElse(null));
        json.writeStringField("className", state.definition().map(d -> d.className()).orElse(null));
        json.writeBooleanField("inCode", !state.isOrphaned());
        json.writeBooleanField("needsExplicitRun", state.needsExplicitRun());
        json.writeNumberField("attempts", state.attempts());
        json.writeNumberField("consecutiveFailures", state.consecutiveFailures());
        json.writeStringField("startedAt", text(state.startedAt()));
        json.writeStringField("finishedAt", text(state.finishedAt()));
        if (state.duration() == null) {
            json.writeNullField("durationMs");
        } else {
            json.writeNumberField("durationMs", state.duration().toMillis());
        }
        json.writeStringField("executedBy", state.executedBy());
        json.writeStringField("heartbeatAt", text(state.heartbeatAt()));
        writeProgress(state, json);
        json.writeStringField("errorClass", state.errorClass());
        json.writeStringField("errorMessage", state.errorMessage());
        json.writeStringField("output", state.output());
        json.writeStringField("unreadable", state.unreadable());
        json.writeStringField("checksum", state.codeChecksum());
        json.writeStringField("currentChecksum", state.currentCodeChecksum());
        json.writeBooleanField("codeChanged", state.codeChanged());
        json.writeBooleanField("codeChangedSinceSuccess", state.codeChangedSinceSuccess());
        if (parameters != null) {
            writeParameters(parameters, json);
        }
        json.writeEndObject();
    }

    /** What the script declares, never a value (a secret's default cannot exist). */
    private static void writeParameters(ParameterDeclarations parameters, JsonGenerator json) throws IOException {
        json.writeBooleanField("declaresParameters", parameters.declared());
        json.writeArrayFieldStart("parameters");
        for (ParameterDeclaration parameter : parameters.list()) {
            json.writeStartObject();
            json.writeStringField("name", parameter.name());
            json.writeStringField("type", parameter.type());
            json.writeStringField("expects", parameter.expects());
            json.writeBooleanField("required", parameter.required());
            json.writeStringField("defaultValue", parameter.defaultValue().orElse(null));
            json.writeBooleanField("secret", parameter.secret());
            json.writeStringField("env", parameter.env().orElse(null));
            json.writeBooleanField("identifying", parameter.identifying());
            json.writeStringField("description", parameter.description());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void writeProgress(ScriptState state, JsonGenerator json) throws IOException {
        Progress progress = state.progress();
        json.writeNumberField("progressDone", progress.done());
        json.writeNumberField("progressTotal", progress.total());
        json.writeNumberField("itemsPerSecond", Math.round(progress.itemsPerSecond() * 10) / 10.0);
        if (progress.eta().isPresent()) {
            json.writeNumberField("etaSeconds", progress.eta().get().toSeconds());
        } else {
            json.writeNullField("etaSeconds");
        }
        json.writeBooleanField("estimateExceeded", progress.estimateExceeded());
        json.writeStringField("progressAt", text(progress.at()));
        json.writeStringField("checkpoint", state.checkpoint());
        json.writeStringField("cancelRequestedBy", state.cancelRequestedBy());
        json.writeNumberField("chunksDone", state.chunks().done());
        json.writeNumberField("chunksTotal", state.chunks().total());
        json.writeArrayFieldStart("workers");
        for (String worker : state.chunks().workers()) {
            json.writeString(worker);
        }
        json.writeEndArray();
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static Writer nonClosing(Writer out) {
        return new java.io.FilterWriter(out) {
            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
