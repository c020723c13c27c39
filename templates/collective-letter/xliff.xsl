<?xml version="1.0" encoding="UTF-8"?>
<!-- The values of the inline codes in this type's XLIFF files (circgen xliff
     extract): the type's inline templates and string catalog (common.xsl) with the
     shared part, templates/common/xliff.xsl. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:include href="common.xsl"/>
  <xsl:include href="../common/xliff.xsl"/>
</xsl:stylesheet>
