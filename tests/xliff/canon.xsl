<?xml version="1.0" encoding="UTF-8"?>
<!-- The comparison rule of the XLIFF round trips (tests/e2e/xliff.test.sh): two
     documents are equal when their canonical forms (xmllint with option c14n, W3C Canonical XML
     1.0: attribute order, namespace declarations, empty elements, quoting and
     character references normalized) are byte-equal after this stylesheet has
     dropped comments and the white space between elements (text nodes of white space
     only in an element that holds no other text: indentation). White space inside
     text, and between inline elements of mixed content, is compared. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="comment()" priority="1"/>
  <xsl:template match="text()[not(normalize-space())][not(../text()[normalize-space()])]" priority="1"/>
  <xsl:template match="@*|node()">
    <xsl:copy><xsl:apply-templates select="@*|node()"/></xsl:copy>
  </xsl:template>
</xsl:stylesheet>
