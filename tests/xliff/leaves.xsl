<?xml version="1.0" encoding="UTF-8"?>
<!-- The ids of a source's translatable units (an element with an id and no id below)
     in document order, one a line: what circgen xliff extract must make units of. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text"/>
  <xsl:template match="/">
    <xsl:for-each select="//*[@id][not(.//*[@id])]"><xsl:value-of select="@id"/><xsl:text>&#10;</xsl:text></xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
