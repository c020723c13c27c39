<?xml version="1.0" encoding="UTF-8"?>
<!-- The values that `circgen xliff extract` shows for the inline codes of every
     translatable unit: each inline element as the source's language formats it
     ("23 July 2025", "ITU-T X.1062"), with the templates of the output stylesheets
     (mode "inline": common/inline.xsl, which uses common/l10n.xsl, and the type's own
     inline data). Included by templates/TYPE/xliff.xsl after the type's shared
     templates (common.xsl), which define $lang and $strings.

     Result: <codes><u id="UNIT"><v>value</v>...</u>...</codes>, one u per leaf unit
     (an element with an id and no id below) and one v per element below it, in
     document order; the C code takes the values of the elements that are codes. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="xml" encoding="UTF-8"/>

  <xsl:template name="line-break"><xsl:text> </xsl:text></xsl:template>
  <!-- An identifier (X.1062, SG17-R6) as it is: the value shown to the translator. -->
  <xsl:template name="identifier"><xsl:param name="v"/><xsl:value-of select="$v"/></xsl:template>

  <!-- Links and emphasis, which the output stylesheets draw, as plain text. -->
  <xsl:template match="*[local-name() = 'email' or local-name() = 'url']" mode="inline">
    <xsl:value-of select="."/>
  </xsl:template>
  <xsl:template match="*[local-name() = 'b' or local-name() = 'i']" mode="inline">
    <xsl:apply-templates mode="inline"/>
  </xsl:template>

  <xsl:template match="/">
    <codes>
      <xsl:for-each select="//*[@id or @xml:id][not(.//*[@id or @xml:id])]">
        <u id="{@id | @xml:id}">
          <xsl:for-each select=".//*">
            <xsl:variable name="t"><xsl:apply-templates select="." mode="inline"/></xsl:variable>
            <v><xsl:value-of select="normalize-space($t)"/></v>
          </xsl:for-each>
        </u>
      </xsl:for-each>
    </codes>
  </xsl:template>
</xsl:stylesheet>
