<?xml version="1.0" encoding="UTF-8"?>
<!-- Inline markup with HTML meaning (links, emphasis), for every document type. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:template name="line-break"><br/></xsl:template>
  <xsl:template name="identifier"><xsl:param name="v"/><xsl:value-of select="$v"/></xsl:template>

  <xsl:template match="*[local-name() = 'email']" mode="inline">
    <a href="mailto:{.}"><xsl:value-of select="."/></a>
  </xsl:template>

  <xsl:template match="*[local-name() = 'url']" mode="inline">
    <a><xsl:attribute name="href"><xsl:call-template name="url-href"/></xsl:attribute><xsl:value-of select="."/></a>
  </xsl:template>

  <xsl:template match="*[local-name() = 'link']" mode="inline">
    <a href="{@href}"><xsl:apply-templates mode="inline"/></a>
  </xsl:template>

  <xsl:template match="*[local-name() = 'b']" mode="inline"><strong><xsl:apply-templates mode="inline"/></strong></xsl:template>
  <xsl:template match="*[local-name() = 'i']" mode="inline"><em><xsl:apply-templates mode="inline"/></em></xsl:template>
</xsl:stylesheet>
