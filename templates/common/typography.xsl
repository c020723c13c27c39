<?xml version="1.0" encoding="UTF-8"?>
<!-- The typography of each language, applied by the templates to every text node they
     write from the source (common/inline.xsl) and from the string catalogs
     (common/l10n.xsl), so that the PDF and the HTML get the same characters.

     French: a narrow no-break space (U+202F) before ; : ! ? and » and after «, whether
     the text has a plain space there or none; a no-break space (U+00A0) before % and
     between a number and its unit. “ ” become « ».
     Spanish: “ ” become « »; ¿ and ¡ need nothing here (line breaking never separates
     an opening mark from what follows it).
     Russian: « » quotes (“ ” become « » unless the text uses „ “ inner quotes) and a
     no-break space before the em dash.
     Other languages: the text unchanged.

     No-break spaces are never line-break opportunities, in the layout engine (UAX #14
     classes GL) or in a browser; a colon inside a word ("https:", "23:59") is left as
     it is. The including stylesheet defines $lang. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:variable name="typo-nbsp" select="'&#xA0;'"/>
  <xsl:variable name="typo-nnbsp" select="'&#x202F;'"/>
  <xsl:variable name="typo-spaces" select="' &#xA0;&#x202F;&#x9;&#xA;&#xD;'"/>
  <!-- What may follow a French high mark for it to be one (and not the colon of "23:59"). -->
  <xsl:variable name="typo-after-mark" select="' &#xA0;&#x202F;&#x9;&#xA;&#xD;)]».,;:!?…'"/>
  <!-- Units a number keeps on its line (French). -->
  <xsl:variable name="typo-units" select="'|mm|cm|m|km|kg|mg|ms|s|min|h|Hz|kHz|MHz|GHz|THz|dB|dBm|bit/s|kbit/s|Mbit/s|Gbit/s|Tbit/s|kW|MW|mW|°C|ko|Mo|Go|To|octets|bits|'"/>

  <xsl:template name="typography">
    <xsl:param name="t"/>
    <xsl:choose>
      <xsl:when test="$lang = 'fr'">
        <xsl:variable name="marks">
          <xsl:call-template name="typo-fr-marks">
            <xsl:with-param name="t" select="translate($t, '“”', '«»')"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:call-template name="typo-units"><xsl:with-param name="t" select="string($marks)"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="$lang = 'ru' and not(contains($t, '„'))">
        <xsl:call-template name="typo-ru-dash"><xsl:with-param name="t" select="translate($t, '“”', '«»')"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="$lang = 'ru'">
        <xsl:call-template name="typo-ru-dash"><xsl:with-param name="t" select="$t"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="$lang = 'es'"><xsl:value-of select="translate($t, '“”', '«»')"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$t"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- French marks, one at a time: ; : ! ? « » %. $after-mark: the text before $t
       ended with a mark (no space inside "?!"). -->
  <xsl:template name="typo-fr-marks">
    <xsl:param name="t"/>
    <xsl:param name="after-mark" select="false()"/>
    <xsl:variable name="hit" select="translate($t, ';:!?«»%', '#######')"/>
    <xsl:choose>
      <xsl:when test="not(contains($hit, '#'))"><xsl:value-of select="$t"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="n" select="string-length(substring-before($hit, '#'))"/>
        <xsl:variable name="pre" select="substring($t, 1, $n)"/>
        <xsl:variable name="c" select="substring($t, $n + 1, 1)"/>
        <xsl:variable name="post" select="substring($t, $n + 2)"/>
        <xsl:variable name="last" select="substring($pre, $n, 1)"/>
        <xsl:variable name="next" select="substring($post, 1, 1)"/>
        <xsl:variable name="spaced" select="$last != '' and contains($typo-spaces, $last)"/>
        <!-- the text before the mark without the space in front of it -->
        <xsl:variable name="body" select="substring($pre, 1, $n - number($spaced))"/>
        <xsl:choose>
          <xsl:when test="contains(';:!?', $c)">
            <xsl:choose>
              <xsl:when test="$next != '' and not(contains($typo-after-mark, $next))"><xsl:value-of select="concat($pre, $c)"/></xsl:when>
              <xsl:when test="$spaced"><xsl:value-of select="concat($body, $typo-nnbsp, $c)"/></xsl:when>
              <xsl:when test="$pre = '' and $after-mark"><xsl:value-of select="$c"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="concat($pre, $typo-nnbsp, $c)"/></xsl:otherwise>
            </xsl:choose>
          </xsl:when>
          <xsl:when test="$c = '«'"><xsl:value-of select="concat($pre, '«', $typo-nnbsp)"/></xsl:when>
          <xsl:when test="$c = '»'"><xsl:value-of select="concat($body, $typo-nnbsp, '»')"/></xsl:when>
          <!-- % after a number -->
          <xsl:when test="$spaced and contains('0123456789', substring($body, $n - 1, 1)) and $n > 1">
            <xsl:value-of select="concat($body, $typo-nbsp, '%')"/>
          </xsl:when>
          <xsl:when test="$last != '' and contains('0123456789', $last)"><xsl:value-of select="concat($pre, $typo-nbsp, '%')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="concat($pre, $c)"/></xsl:otherwise>
        </xsl:choose>
        <xsl:call-template name="typo-fr-marks">
          <xsl:with-param name="t">
            <xsl:choose>
              <!-- the space after « is the one just written -->
              <xsl:when test="$c = '«' and $next != '' and contains($typo-spaces, $next)"><xsl:value-of select="substring($post, 2)"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="$post"/></xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
          <xsl:with-param name="after-mark" select="contains(';:!?', $c)"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- French: "10 MHz" keeps its number and unit together. -->
  <xsl:template name="typo-units">
    <xsl:param name="t"/>
    <xsl:variable name="d" select="translate($t, '123456789', '000000000')"/>
    <xsl:choose>
      <xsl:when test="not(contains($d, '0 '))"><xsl:value-of select="$t"/></xsl:when>
      <xsl:otherwise>
        <!-- up to and including the digit -->
        <xsl:variable name="n" select="string-length(substring-before($d, '0 ')) + 1"/>
        <xsl:variable name="post" select="substring($t, $n + 2)"/>
        <xsl:variable name="word" select="substring-before(concat(translate($post, ',.;:)&#xA0;&#x202F;&#xA;', '         '), ' '), ' ')"/>
        <xsl:value-of select="substring($t, 1, $n)"/>
        <xsl:choose>
          <xsl:when test="$word != '' and contains($typo-units, concat('|', $word, '|'))"><xsl:value-of select="$typo-nbsp"/></xsl:when>
          <xsl:otherwise><xsl:text> </xsl:text></xsl:otherwise>
        </xsl:choose>
        <xsl:call-template name="typo-units"><xsl:with-param name="t" select="$post"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Russian: "текст — текст" never starts a line with the dash. -->
  <xsl:template name="typo-ru-dash">
    <xsl:param name="t"/>
    <xsl:choose>
      <xsl:when test="contains($t, ' —')">
        <xsl:value-of select="concat(substring-before($t, ' —'), $typo-nbsp, '—')"/>
        <xsl:call-template name="typo-ru-dash"><xsl:with-param name="t" select="substring-after($t, ' —')"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$t"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
