# Writes OUTPUT: `inline constexpr std::string_view NAME = R"…(contents of INPUT)…";`
file(READ ${INPUT} text)
file(WRITE ${OUTPUT}.tmp
     "// Generated from ${INPUT}. Do not edit.\ninline constexpr std::string_view ${NAME} = R\"amity_text(${text})amity_text\";\n")
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
